/** The 16 Länder by their key (the first two digits of every AGS and ARS), as the register names them. */
export const laender: readonly { key: string; name: string }[] = [
  { key: '01', name: 'Schleswig-Holstein' },
  { key: '02', name: 'Hamburg' },
  { key: '03', name: 'Niedersachsen' },
  { key: '04', name: 'Bremen' },
  { key: '05', name: 'Nordrhein-Westfalen' },
  { key: '06', name: 'Hessen' },
  { key: '07', name: 'Rheinland-Pfalz' },
  { key: '08', name: 'Baden-Württemberg' },
  { key: '09', name: 'Bayern' },
  { key: '10', name: 'Saarland' },
  { key: '11', name: 'Berlin' },
  { key: '12', name: 'Brandenburg' },
  { key: '13', name: 'Mecklenburg-Vorpommern' },
  { key: '14', name: 'Sachsen' },
  { key: '15', name: 'Sachsen-Anhalt' },
  { key: '16', name: 'Thüringen' },
];
