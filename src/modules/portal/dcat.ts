/*
 * The open-data catalogue as DCAT-AP.de 2.0 (Turtle), the profile GovData harvests.
 *
 * Per dataset: dct:title and dct:description in German and English, dct:publisher, dcatde:maintainer,
 * dcat:theme (EU data theme GOVE), dct:spatial and dcatde:politicalGeocodingLevelURI (the programme
 * is federal), dcat:contactPoint; per distribution: dcat:accessURL, dcat:downloadURL, dct:format
 * (EU file types), dcat:mediaType (IANA), dct:license from DCAT-AP.de's licence vocabulary and the
 * attribution text dl-de/by asks for. dcatde:contributorID is left out on purpose: GovData assigns
 * it when a publisher registers there, and an invented one would be wrong.
 */
import { DataFactory, Writer, type BlankNode, type Literal, type NamedNode } from 'n3';
import type { OpenDataIndex } from './portal.schemas';
import { LICENCE, PUBLISHER } from './opendata.service';

const { namedNode, literal, quad, blankNode } = DataFactory;

export const prefixes = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatde: 'http://dcat-ap.de/def/dcatde/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

const p = (prefix: keyof typeof prefixes, local: string) => namedNode(`${prefixes[prefix]}${local}`);
const a = p('rdf', 'type');

const fileTypes: Record<string, string> = { csv: 'CSV', json: 'JSON' };
const EU = 'http://publications.europa.eu/resource/authority';

export function catalogTurtle(index: OpenDataIndex, origin: string, modified: Date): Promise<string> {
  const writer = new Writer({ prefixes });
  const catalog = namedNode(`${origin}/api/open-data/catalog.ttl#catalog`);
  const publisher = namedNode(`${origin}/portal#publisher`);
  const contact = blankNode('contact');
  const add = (s: NamedNode | BlankNode, pr: NamedNode, o: NamedNode | BlankNode | Literal) => writer.addQuad(quad(s, pr, o));
  const day = literal(modified.toISOString().slice(0, 10), namedNode(`${prefixes.xsd}date`));

  add(publisher, a, p('foaf', 'Agent'));
  add(publisher, p('foaf', 'name'), literal(PUBLISHER, 'de'));
  add(publisher, p('foaf', 'homepage'), namedNode(`${origin}/portal`));
  add(contact, a, p('vcard', 'Organization'));
  add(contact, p('vcard', 'fn'), literal(PUBLISHER, 'de'));
  add(contact, p('vcard', 'hasURL'), namedNode(`${origin}/portal/open-data`));

  add(catalog, a, p('dcat', 'Catalog'));
  add(catalog, p('dct', 'title'), literal('Stadtnetz – Offene Daten', 'de'));
  add(catalog, p('dct', 'title'), literal('Stadtnetz – open data', 'en'));
  add(catalog, p('dct', 'description'), literal('Geförderte Projekte, Open-Source-Lösungen, Statistik und Ergebnisse der Förderrunden des Programms.', 'de'));
  add(catalog, p('dct', 'description'), literal("Funded projects, open-source solutions, statistics and results of the programme's funding rounds.", 'en'));
  add(catalog, p('dct', 'publisher'), publisher);
  add(catalog, p('dct', 'language'), namedNode(`${EU}/language/DEU`));
  add(catalog, p('dct', 'language'), namedNode(`${EU}/language/ENG`));
  add(catalog, p('foaf', 'homepage'), namedNode(`${origin}/portal/open-data`));
  add(catalog, p('dct', 'modified'), day);

  for (const d of index.datasets) {
    const dataset = namedNode(`${origin}/portal/open-data#${d.id}`);
    add(catalog, p('dcat', 'dataset'), dataset);
    add(dataset, a, p('dcat', 'Dataset'));
    add(dataset, p('dct', 'identifier'), literal(d.id));
    add(dataset, p('dct', 'title'), literal(d.titleDe, 'de'));
    add(dataset, p('dct', 'title'), literal(d.titleEn, 'en'));
    add(dataset, p('dct', 'description'), literal(d.descriptionDe, 'de'));
    add(dataset, p('dct', 'description'), literal(d.descriptionEn, 'en'));
    add(dataset, p('dct', 'publisher'), publisher);
    add(dataset, p('dcatde', 'maintainer'), publisher);
    add(dataset, p('dcat', 'contactPoint'), contact);
    add(dataset, p('dcat', 'theme'), namedNode(`${EU}/data-theme/GOVE`));
    add(dataset, p('dcat', 'theme'), namedNode(`${EU}/data-theme/ECON`));
    add(dataset, p('dct', 'spatial'), namedNode(`${EU}/country/DEU`));
    add(dataset, p('dcatde', 'politicalGeocodingLevelURI'), namedNode('http://dcat-ap.de/def/politicalGeocoding/Level/federal'));
    add(dataset, p('dct', 'accessRights'), namedNode(`${EU}/access-right/PUBLIC`));
    add(dataset, p('dcat', 'landingPage'), namedNode(`${origin}/portal/open-data`));
    add(dataset, p('dct', 'modified'), day);
    for (const dist of d.distributions) {
      const distribution = namedNode(dist.url);
      add(dataset, p('dcat', 'distribution'), distribution);
      add(distribution, a, p('dcat', 'Distribution'));
      add(distribution, p('dct', 'title'), literal(`${d.titleDe} (${fileTypes[dist.format]})`, 'de'));
      add(distribution, p('dcat', 'accessURL'), namedNode(dist.url));
      add(distribution, p('dcat', 'downloadURL'), namedNode(dist.url));
      add(distribution, p('dct', 'format'), namedNode(`${EU}/file-type/${fileTypes[dist.format]}`));
      add(distribution, p('dcat', 'mediaType'), namedNode(`https://www.iana.org/assignments/media-types/${dist.mediaType}`));
      add(distribution, p('dct', 'license'), namedNode(LICENCE.dcatUri));
      add(distribution, p('dcatde', 'licenseAttributionByText'), literal(`${PUBLISHER} (${LICENCE.id})`, 'de'));
      add(distribution, p('dct', 'modified'), day);
    }
  }

  return new Promise((resolve, reject) => writer.end((error: Error | null, result: string) => (error ? reject(error) : resolve(result))));
}
