/**
 * US states, the District of Columbia and the territories, as sent in an intake's `location`
 * (USPS codes). Names are shown to the patient; Spanish names only where they differ.
 */
export interface UsState {
  code: string;
  en: string;
  es?: string;
}

export const US_STATES: readonly UsState[] = [
  { code: 'AL', en: 'Alabama' },
  { code: 'AK', en: 'Alaska' },
  { code: 'AZ', en: 'Arizona' },
  { code: 'AR', en: 'Arkansas' },
  { code: 'CA', en: 'California' },
  { code: 'CO', en: 'Colorado' },
  { code: 'CT', en: 'Connecticut' },
  { code: 'DE', en: 'Delaware' },
  { code: 'DC', en: 'District of Columbia', es: 'Distrito de Columbia' },
  { code: 'FL', en: 'Florida' },
  { code: 'GA', en: 'Georgia' },
  { code: 'HI', en: 'Hawaii', es: 'Hawái' },
  { code: 'ID', en: 'Idaho' },
  { code: 'IL', en: 'Illinois' },
  { code: 'IN', en: 'Indiana' },
  { code: 'IA', en: 'Iowa' },
  { code: 'KS', en: 'Kansas' },
  { code: 'KY', en: 'Kentucky' },
  { code: 'LA', en: 'Louisiana', es: 'Luisiana' },
  { code: 'ME', en: 'Maine' },
  { code: 'MD', en: 'Maryland' },
  { code: 'MA', en: 'Massachusetts' },
  { code: 'MI', en: 'Michigan', es: 'Míchigan' },
  { code: 'MN', en: 'Minnesota' },
  { code: 'MS', en: 'Mississippi', es: 'Misisipi' },
  { code: 'MO', en: 'Missouri', es: 'Misuri' },
  { code: 'MT', en: 'Montana' },
  { code: 'NE', en: 'Nebraska' },
  { code: 'NV', en: 'Nevada' },
  { code: 'NH', en: 'New Hampshire', es: 'Nuevo Hampshire' },
  { code: 'NJ', en: 'New Jersey', es: 'Nueva Jersey' },
  { code: 'NM', en: 'New Mexico', es: 'Nuevo México' },
  { code: 'NY', en: 'New York', es: 'Nueva York' },
  { code: 'NC', en: 'North Carolina', es: 'Carolina del Norte' },
  { code: 'ND', en: 'North Dakota', es: 'Dakota del Norte' },
  { code: 'OH', en: 'Ohio' },
  { code: 'OK', en: 'Oklahoma' },
  { code: 'OR', en: 'Oregon', es: 'Oregón' },
  { code: 'PA', en: 'Pennsylvania', es: 'Pensilvania' },
  { code: 'RI', en: 'Rhode Island' },
  { code: 'SC', en: 'South Carolina', es: 'Carolina del Sur' },
  { code: 'SD', en: 'South Dakota', es: 'Dakota del Sur' },
  { code: 'TN', en: 'Tennessee', es: 'Tennessee' },
  { code: 'TX', en: 'Texas' },
  { code: 'UT', en: 'Utah' },
  { code: 'VT', en: 'Vermont' },
  { code: 'VA', en: 'Virginia' },
  { code: 'WA', en: 'Washington' },
  { code: 'WV', en: 'West Virginia', es: 'Virginia Occidental' },
  { code: 'WI', en: 'Wisconsin' },
  { code: 'WY', en: 'Wyoming' },
  { code: 'AS', en: 'American Samoa', es: 'Samoa Americana' },
  { code: 'GU', en: 'Guam' },
  { code: 'MP', en: 'Northern Mariana Islands', es: 'Islas Marianas del Norte' },
  { code: 'PR', en: 'Puerto Rico' },
  { code: 'VI', en: 'U.S. Virgin Islands', es: 'Islas Vírgenes de los Estados Unidos' },
  { code: 'UM', en: 'U.S. Minor Outlying Islands', es: 'Islas menores alejadas de los Estados Unidos' },
];

const CODES = new Set(US_STATES.map((s) => s.code));

export function isUsStateCode(code: string): boolean {
  return CODES.has(code);
}
