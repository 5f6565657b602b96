// A React 19 page using the elements as plain HTML: React 19 sets properties on custom elements
// when they have them (tokenProvider, client) and listens to their custom events (`on<name>`).
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'vsee-clinic-elements';

window.tokenRequests = 0;
const tokenProvider = async () => {
  window.tokenRequests++;
  return 'demo-patient-token';
};

function App() {
  const [booked, setBooked] = useState(null);
  return (
    <main>
      <h1>React clinic</h1>
      <vsee-slot-picker
        api-base={window.apiBase}
        account-code="vclinic"
        room-code="ceproom1"
        member-id="575"
        days="7"
        tokenProvider={tokenProvider}
        onvsee-appointment-booked={(e) => setBooked(e.detail.visit)}
      ></vsee-slot-picker>
      <p id="booked">{booked ? `Booked visit ${booked.id}` : 'Nothing booked yet'}</p>
    </main>
  );
}

createRoot(document.getElementById('root')).render(<App />);
