/**
 * A fresh round walked to its jury phase through the API, as the office and applicants would:
 * shared by the jury's integration and browser tests, each of which brings its own HTTP client.
 */

export interface ApiAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
}

export interface Api {
  get(url: string): Promise<ApiAnswer>;
  post(url: string, payload?: unknown): Promise<ApiAnswer>;
  put(url: string, payload: unknown): Promise<ApiAnswer>;
}

export type LoginAs = (email: string, password?: string) => Promise<Api>;

export const JURY_PASSWORD = 'sicheres-passwort';

/** The five applications' roles in the tests; their applicants are free Gemeinden of the demo register. */
export const juryApplicants = [{ key: 'wolfsburg' }, { key: 'bonn' }, { key: 'krefeld' }, { key: 'solingen' }, { key: 'fulda' }] as const;
export type ApplicantKey = (typeof juryApplicants)[number]['key'];

/**
 * Gemeinden of the demo register no demo applicant leads from; other features' demo data may
 * take some, so each applicant takes the next one still free.
 */
const candidateRegions = [
  { name: 'Stadt Wolfsburg', ags: '03103000' },
  { name: 'Bundesstadt Bonn', ags: '05314000' },
  { name: 'Stadt Krefeld', ags: '05114000' },
  { name: 'Klingenstadt Solingen', ags: '05122000' },
  { name: 'Stadt Fulda', ags: '06631009' },
  { name: 'Stadt Duisburg', ags: '05112000' },
  { name: 'Stadt Leverkusen', ags: '05316000' },
  { name: 'Stadt Bottrop', ags: '05512000' },
  { name: 'Stadt Hagen', ags: '05914000' },
  { name: 'Stadt Pforzheim', ags: '08231000' },
  { name: 'Stadt Ulm', ags: '08421000' },
  { name: 'Stadt Kaiserslautern', ags: '07312000' },
  { name: 'Stadt Hof', ags: '09464000' },
  { name: 'Stadt Cottbus', ags: '12052000' },
  { name: 'Stadt Göttingen', ags: '03159016' },
  { name: 'Stadt Soest', ags: '05974040' },
  { name: 'Stadt Unna', ags: '05978036' },
];

/** 6,000,000.00 € of eligible costs at 65 %: 3,900,000.00 € requested by each. */
export const COSTS_CENTS = 6_000_000_00;
export const REQUESTED_CENTS = 3_900_000_00;
export const ENVELOPE_CENTS = 10_000_000_00;

export interface JuryPerson {
  email: string;
  name: string;
  role: 'member' | 'chair';
  affiliation: 'science' | 'politics' | 'municipal_association' | 'practice';
  homeArs?: string;
}

/** Eleven people, the chair first; the scenario gives the last one a home where "bonn" applies, so a rule recuses them. */
export function juryPeople(tag: string): JuryPerson[] {
  const affiliations = ['science', 'politics', 'municipal_association'] as const;
  return Array.from({ length: 11 }, (_, i) => ({
    email: `jury${i + 1}-${tag}@jury.example`,
    name: i === 0 ? 'Vera Vorsitz' : `Jurymitglied ${String(i + 1).padStart(2, '0')}`,
    role: i === 0 ? ('chair' as const) : ('member' as const),
    affiliation: affiliations[i % 3]!,
  }));
}

function expectOk(answer: ApiAnswer, what: string, status = [200, 201]): void {
  if (!status.includes(answer.status)) throw new Error(`${what}: ${answer.status} ${answer.text}`);
}

export interface JuryScenario {
  roundId: string;
  roundVersion: number;
  applications: Record<ApplicantKey, string>;
  /** The applicants' names, as the pages show them. */
  names: Record<ApplicantKey, string>;
  /** Members added so far: email → { memberId, userId }. */
  members: Map<string, { memberId: string; userId: string }>;
  userIds: Map<string, string>;
}

/**
 * Creates the round (open now, so applicants can submit), five applicants who each submit one
 * application, walks the round to "jury", and creates the accounts of the jury people; the
 * first `addMembers` of them are added to the jury by the programme office.
 */
export async function buildJuryRound(options: { login: LoginAs; now: Date; tag: string; people: JuryPerson[]; addMembers: number }): Promise<JuryScenario> {
  const { login, now, tag } = options;
  const admin = await login('admin@stadtnetz.example');
  const manager = await login('programm@stadtnetz.example');
  const day = 24 * 3600 * 1000;
  const created = await manager.post('/api/programmes/mps/rounds', {
    slug: `jury-${tag}`,
    name: `Jurytest ${tag}`,
    year: 2027,
    opensAt: new Date(now.getTime() - day).toISOString(),
    closesAt: new Date(now.getTime() + 30 * day).toISOString(),
    envelopeCents: ENVELOPE_CENTS,
    eligibleKinds: ['municipality'],
    jurySize: 11,
    criteria: [{ name: 'Gesamteindruck', weight: 100 }],
    costCategories: ['Personal'],
  });
  expectOk(created, 'create round');
  const roundId: string = created.body.id;
  let version: number = created.body.version;
  const move = async (to: string) => {
    const moved = await manager.post(`/api/rounds/${roundId}/transition`, { to, version });
    expectOk(moved, `round to ${to}`);
    version = moved.body.version;
  };
  await move('open');

  const applications = {} as Record<ApplicantKey, string>;
  const names = {} as Record<ApplicantKey, string>;
  const regions = [...candidateRegions];
  for (const a of juryApplicants) {
    const email = `${a.key}-${tag}@antrag.example`;
    expectOk(await admin.post('/api/users', { email, displayName: `Antrag ${a.key}`, password: JURY_PASSWORD }), `user ${email}`);
    const client = await login(email, JURY_PASSWORD);
    let org: ApiAnswer | undefined;
    let region: (typeof candidateRegions)[number] | undefined;
    while (!org || org.status === 409) {
      region = regions.shift();
      if (!region) throw new Error('No free Gemeinde left for the jury scenario');
      org = await client.post('/api/organisations', { kind: 'municipality', displayName: region.name, leadRegion: region.ags, partnerRegions: [], budgetEmergency: false });
    }
    expectOk(org, `organisation ${region!.name}`);
    names[a.key] = region!.name;
    if (a.key === 'bonn') {
      const last = options.people[options.people.length - 1]!;
      last.homeArs = region!.ags;
    }
    const draft = await client.post('/api/applications', { roundId, organisationId: org.body.id });
    expectOk(draft, `application of ${region!.name}`);
    const content = {
      title: `${region!.name}: vernetzt und offen`,
      acronym: a.key.toUpperCase().slice(0, 6),
      summary: `${region!.name} verbindet Verwaltung, Stadtgesellschaft und offene Daten zu einer gemeinwohlorientierten Smart City.`,
      sections: {},
      partners: [],
      budget: [{ year: 2027, category: 'Personal', amountCents: COSTS_CENTS }],
      budgetEmergency: false,
    };
    const saved = await client.put(`/api/applications/${draft.body.id}/content`, { version: draft.body.version, content });
    expectOk(saved, `content of ${region!.name}`);
    expectOk(await client.post(`/api/applications/${draft.body.id}/submit`, { version: saved.body.version }), `submit ${region!.name}`);
    applications[a.key] = draft.body.id;
  }
  await move('closed');
  await move('review');
  await move('jury');

  const userIds = new Map<string, string>();
  const members = new Map<string, { memberId: string; userId: string }>();
  for (const [i, p] of options.people.entries()) {
    const user = await admin.post('/api/users', { email: p.email, displayName: p.name, password: JURY_PASSWORD });
    expectOk(user, `user ${p.email}`);
    userIds.set(p.email, user.body.id);
    if (i >= options.addMembers) continue;
    const added = await manager.post(`/api/jury/rounds/${roundId}/members`, { userId: user.body.id, role: p.role, affiliation: p.affiliation, ...(p.homeArs ? { homeArs: p.homeArs } : {}) });
    expectOk(added, `member ${p.email}`);
    members.set(p.email, { memberId: added.body.id, userId: user.body.id });
  }
  return { roundId, roundVersion: version, applications, names, members, userIds };
}
