/**
 * A review scenario of its own, set up through the API in the practice call (so it does not
 * depend on the review demo data of round 2020): three submitted applications, three reviewers
 * in the round's pool with expertise profiles, the case officer staffing the practice programme.
 */
import type { APIRequestContext } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD, type Harness } from './harness';

export const REVIEWER_PASSWORD = 'Gutachten-Uebung-2026';
/** Generous: the set-up runs many requests, on machines that may be busy. */
const REQUEST_TIMEOUT_MS = 90_000;

export interface ScenarioReviewer {
  id: string;
  email: string;
  password: string;
  name: string;
}

export interface ScenarioApplication {
  id: string;
  title: string;
  organisation: string;
}

export interface ReviewScenario {
  roundId: string;
  programmeId: string;
  /** Dr. Rita Gutachterin (demo account) first, then two reviewers created here. */
  reviewers: [ScenarioReviewer, ScenarioReviewer, ScenarioReviewer];
  applications: ScenarioApplication[];
}

export interface AssignmentRow {
  id: string;
  applicationId: string;
  reviewerId: string;
  reviewerName: string;
  overridden: boolean;
}

/** A logged-in API session: the browser context's cookies plus the CSRF token for changes. */
export class ApiSession {
  private constructor(
    readonly request: APIRequestContext,
    private readonly csrf: string,
  ) {}

  static async login(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<ApiSession> {
    const anonymous = (await (await request.get('/api/auth/session', { timeout: REQUEST_TIMEOUT_MS })).json()) as { csrfToken: string };
    const response = await request.post('/api/auth/login', { headers: { 'x-csrf-token': anonymous.csrfToken }, data: { email, password }, timeout: REQUEST_TIMEOUT_MS });
    expect(response.ok(), `login ${email}: ${await response.text()}`).toBe(true);
    return new ApiSession(request, ((await response.json()) as { csrfToken: string }).csrfToken);
  }

  async get<T>(path: string): Promise<T> {
    const response = await this.request.get(`/api${path}`, { timeout: REQUEST_TIMEOUT_MS });
    expect(response.ok(), `GET ${path}: ${response.status()} ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  }

  async send<T>(method: 'POST' | 'PUT', path: string, data: unknown, expected: number[] = [200, 201, 202]): Promise<T> {
    const response = await this.request.fetch(`/api${path}`, { method, headers: { 'x-csrf-token': this.csrf }, data, timeout: REQUEST_TIMEOUT_MS });
    expect(expected, `${method} ${path}: ${response.status()} ${await response.text()}`).toContain(response.status());
    return (await response.json()) as T;
  }
}

interface RoundShape {
  id: string;
  slug: string;
  programmeId: string;
  formSections: { key: string; required: boolean }[];
  costCategories: string[];
}

const applicationTexts = [
  {
    organisation: 'Gemeinde Barleben',
    title: 'Mobilitätsplattform Börde',
    summary: 'Eine offene Mobilitätsplattform verbindet Rufbus, Carsharing und Radverkehr der Gemeinde mit offenen Daten für alle.',
    text: 'Mobilität im ländlichen Raum: Rufbus, Carsharing, Radwege und eine offene Mobilitätsplattform mit Open Data.',
  },
  {
    organisation: 'Fulda',
    title: 'Bürgerbeteiligung digital Fulda',
    summary: 'Fulda entwickelt eine Beteiligungsplattform, auf der Bürgerinnen und Bürger Vorhaben der Stadt mitgestalten können.',
    text: 'Bürgerbeteiligung und Partizipation: eine Beteiligungsplattform, Werkstätten in den Stadtteilen und offene Verwaltung.',
  },
  {
    organisation: 'Greifswald',
    title: 'Klimadaten Greifswald',
    summary: 'Greifswald misst Klimadaten mit Sensoren in der Stadt und stellt sie als offene Daten für Klimaanpassung bereit.',
    text: 'Klimaanpassung mit Sensoren, Datenplattform und Open Data; Hitzeschutz und Starkregenvorsorge in der Stadt.',
  },
];

const extraOrganisations = [
  { displayName: 'Fulda', leadRegion: '06631009' },
  { displayName: 'Greifswald', leadRegion: '13075039' },
];

/** Creates the scenario; each e2e file runs on its own database, so every file sets it up anew. */
export async function setUpReviewScenario(h: Harness): Promise<ReviewScenario> {
  const { context } = await h.newPage();
  const applicantContext = await h.browser.newContext({ baseURL: h.baseUrl });
  try {
    const admin = await ApiSession.login(context.request, 'admin@stadtnetz.example');
    const programme = await admin.get<{ id: string }>('/programmes/uebung');
    const round = (await admin.get<RoundShape[]>('/programmes/uebung/rounds')).find((r) => r.slug === 'offen')!;

    const made: ScenarioReviewer[] = [];
    for (const [email, name] of [
      ['zweitgutachterin@uebung.example', 'Dr. Zora Zweitgutachterin'],
      ['drittgutachter@uebung.example', 'Prof. Dirk Drittgutachter'],
    ] as const) {
      const user = await admin.send<{ id: string }>('POST', '/users', { email, displayName: name, password: REVIEWER_PASSWORD });
      made.push({ id: user.id, email, password: REVIEWER_PASSWORD, name });
    }
    const users = await admin.get<{ id: string; email: string }[]>('/users');
    const idOf = (email: string) => users.find((u) => u.email === email)!.id;
    const rita: ScenarioReviewer = { id: idOf('gutachterin@stadtnetz.example'), email: 'gutachterin@stadtnetz.example', password: DEMO_PASSWORD, name: 'Dr. Rita Gutachterin' };
    const reviewers: [ScenarioReviewer, ScenarioReviewer, ScenarioReviewer] = [rita, made[0]!, made[1]!];
    // The case officer of the real programme staffs the practice programme too.
    await admin.send('POST', `/users/${idOf('referat@stadtnetz.example')}/grants`, { role: 'case_officer', programmeId: programme.id }, [200, 201, 409]);

    // Three municipalities apply: the demo applicant's Barleben, and two it registers here.
    const applicant = await ApiSession.login(applicantContext.request, 'kommune@stadtnetz.example');
    const organisations = await applicant.get<{ id: string; displayName: string }[]>('/organisations');
    const orgIds = [organisations.find((o) => o.displayName.includes('Barleben'))!.id];
    for (const o of extraOrganisations) orgIds.push((await applicant.send<{ id: string }>('POST', '/organisations', { kind: 'municipality', ...o })).id);
    const year = new Date().getUTCFullYear() + 1;
    const applications: ScenarioApplication[] = [];
    for (const [i, organisationId] of orgIds.entries()) {
      const texts = applicationTexts[i]!;
      const created = await applicant.send<{ id: string; version: number }>('POST', '/applications', { roundId: round.id, organisationId });
      const sections = Object.fromEntries(round.formSections.map((s) => [s.key, `${texts.text} (${s.key})`]));
      const content = {
        title: texts.title,
        acronym: '',
        summary: texts.summary,
        sections,
        partners: [],
        budget: [{ year, category: round.costCategories[0] ?? 'Personal', amountCents: 100_000_000 }],
        budgetEmergency: false,
      };
      const saved = await applicant.send<{ version: number }>('PUT', `/applications/${created.id}/content`, { version: created.version, content });
      await applicant.send('POST', `/applications/${created.id}/submit`, { version: saved.version });
      applications.push({ id: created.id, title: texts.title, organisation: texts.organisation });
    }

    // The pool: Rita takes exactly two applications, the others up to three each.
    const loads = [
      { minLoad: 2, maxLoad: 2 },
      { minLoad: 0, maxLoad: 3 },
      { minLoad: 0, maxLoad: 3 },
    ];
    for (const [i, r] of reviewers.entries()) await admin.send('POST', `/rounds/${round.id}/reviewers`, { userId: r.id, ...loads[i] });
    // Expertise, so the assignment has texts to match and terms to explain itself with.
    const keywords = [['Mobilität', 'Open Data', 'Carsharing'], ['Bürgerbeteiligung', 'Partizipation'], ['Klimaanpassung', 'Sensoren']];
    for (const [i, r] of reviewers.entries()) {
      const ctx = await h.browser.newContext({ baseURL: h.baseUrl });
      try {
        const session = await ApiSession.login(ctx.request, r.email, r.password);
        await session.send('PUT', '/reviewers/me/profile', { keywords: keywords[i], expertise: '', capacity: 5 });
      } finally {
        await ctx.close();
      }
    }
    return { roundId: round.id, programmeId: programme.id, reviewers, applications };
  } finally {
    await applicantContext.close();
    await context.close();
  }
}

/** Runs the assignment as the case officer, following a background run until it has finished. */
export async function runAssignment(h: Harness, roundId: string): Promise<AssignmentRow[]> {
  const ctx = await h.browser.newContext({ baseURL: h.baseUrl });
  try {
    const admin = await ApiSession.login(ctx.request, 'referat@stadtnetz.example');
    let run = await admin.send<{ id: string; status: string }>('POST', `/rounds/${roundId}/assignment-runs`, { k: 2 });
    // Polled as the office's page polls it.
    for (let i = 0; run.status === 'running' && i < 240; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      run = await admin.get(`/assignment-runs/${run.id}`);
    }
    expect(run.status).toBe('optimal');
    return await admin.get<AssignmentRow[]>(`/rounds/${roundId}/assignments`);
  } finally {
    await ctx.close();
  }
}

/** Writes and submits a complete review as the given reviewer, through the API. */
export async function submitReviewAs(h: Harness, reviewer: ScenarioReviewer, assignmentId: string, score: number): Promise<void> {
  const ctx = await h.browser.newContext({ baseURL: h.baseUrl });
  try {
    const session = await ApiSession.login(ctx.request, reviewer.email, reviewer.password);
    const assigned = await session.get<{ criteria: { id: string }[] }>(`/reviews/assignments/${assignmentId}`);
    const scores = Object.fromEntries(assigned.criteria.map((c) => [c.id, score]));
    const saved = await session.send<{ version: number }>('PUT', `/reviews/assignments/${assignmentId}/review`, {
      version: 0,
      scores,
      assessment: 'Überzeugendes Konzept mit klarer Beteiligung; die Verstetigung ist noch offen.',
      feedback: 'Bitte die Verstetigung nach der Förderung genauer beschreiben.',
      recommendation: 'fund_with_conditions',
    });
    await session.send('POST', `/reviews/assignments/${assignmentId}/review/submit`, { version: saved.version });
  } finally {
    await ctx.close();
  }
}
