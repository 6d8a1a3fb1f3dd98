// Demo register: real regions, as the Destatis municipality register (GV-ISys) files them.
//
// Sources (public; data licence dl-de/by-2-0, © Statistisches Bundesamt (Destatis)):
// - Keys, Gemeindeverband codes, type codes, area, population (31.12.2019), postal code and the
//   reference coordinates of every Gemeinde: the Destatis extract "AuszugGV" (quarterly CSV of the
//   Gemeindeverzeichnis), record types 40/50/60, read line by line. None of the keys listed here
//   changed before 2021, so they stand for the register of 31.12.2020.
// - Population of the Kreise: the Destatis figures for 31.12.2019 (as republished per Kreis by
//   the RKI); each matches the sum of its Gemeinden, the Länder match the official totals.
// - Coordinates of a Land are those of its capital, of a Kreis those of its seat (Kreisstadt or
//   the town hosting the administration). Two seats were not in the extract; see their comments.
// Areas and postal codes are left empty where the extract gives none (Länder, Landkreise).
//
// Key scheme (GV100AD): Land 2 digits; Kreis 5 (Land, Regierungsbezirk, Kreis); Gemeindeverband 9
// (Kreis + Verband); Gemeinde ARS 12 (Kreis + Verband + Gemeinde), AGS 8 (Kreis + Gemeinde).
// A Gemeinde's Verband digits are the register's own, also where the Verband itself is not
// listed here (its parent is then the Kreis): e.g. Aalen sits in the "VVG der Stadt Aalen"
// (5001), so its ARS is 081365001088, not the verbandsfrei form.
import type { RegionValues } from '../../modules/regions/regions.service';

/** The register state the demo pretends to have imported. */
export const DEMO_REGIONS_VALID_ON = '2020-12-31';

type LatLon = readonly [latitude: number, longitude: number];

// GV100AD Textkennzeichen: Kreis 41–45, Gemeindeverband 50–58, Gemeinde 60–67.
const KREISFREIE_STADT = { kind: 'Kreisfreie Stadt', kreis: '41', gemeinde: '61' } as const;
const STADTKREIS = { kind: 'Stadtkreis', kreis: '42', gemeinde: '62' } as const;
const KREIS = { kind: 'Kreis', typeCode: '43' } as const;
const LANDKREIS = { kind: 'Landkreis', typeCode: '44' } as const;
const REGIONALVERBAND = { kind: 'Regionalverband', typeCode: '45' } as const;
const SAMTGEMEINDE = { kind: 'Samtgemeinde', typeCode: '52' } as const;
const STADT = { kind: 'Stadt', typeCode: '63' } as const;
const GEMEINDE = { kind: 'Gemeinde', typeCode: '64' } as const;
const GROSSE_KREISSTADT = { kind: 'Große Kreisstadt', typeCode: '67' } as const;

type Kind = { readonly kind: string; readonly typeCode: string };

function hectares(km2: number): number {
  return Math.round(km2 * 100);
}

function land(key: string, name: string, population: number, capital: LatLon): RegionValues {
  return {
    ars: key, ags: key, level: 'land', parentArs: null, name, kind: 'Land', typeCode: null,
    population, areaHa: null, postalCode: null, latitude: capital[0], longitude: capital[1], validOn: DEMO_REGIONS_VALID_ON,
  };
}

/** A Kreis hangs directly under its Land: the demo carries no Regierungsbezirke. */
function kreis(key: string, name: string, type: Kind, population: number, seat: LatLon): RegionValues {
  return {
    ars: key, ags: key, level: 'kreis', parentArs: key.slice(0, 2), name, kind: type.kind, typeCode: type.typeCode,
    population, areaHa: null, postalCode: null, latitude: seat[0], longitude: seat[1], validOn: DEMO_REGIONS_VALID_ON,
  };
}

function verband(ars: string, name: string, type: Kind, km2: number, population: number, postalCode: string, seat: LatLon): RegionValues {
  // The AGS does not name Gemeindeverbände, so their only key is the 9-digit ARS.
  return {
    ars, ags: ars, level: 'gemeindeverband', parentArs: ars.slice(0, 5), name, kind: type.kind, typeCode: type.typeCode,
    population, areaHa: hectares(km2), postalCode, latitude: seat[0], longitude: seat[1], validOn: DEMO_REGIONS_VALID_ON,
  };
}

/** parentArs: the Verband's 9-digit ARS where the Verband is listed here, else the Kreis. */
function gemeinde(
  ars: string, name: string, type: Kind, km2: number, population: number, postalCode: string, at: LatLon, parentArs = ars.slice(0, 5),
): RegionValues {
  return {
    ars, ags: ars.slice(0, 5) + ars.slice(9), level: 'gemeinde', parentArs, name, kind: type.kind, typeCode: type.typeCode,
    population, areaHa: hectares(km2), postalCode, latitude: at[0], longitude: at[1], validOn: DEMO_REGIONS_VALID_ON,
  };
}

/** A city without Kreis is both a Kreis and a Gemeinde (Verband "0000"), as in the register. */
function cityKreis(type: typeof KREISFREIE_STADT | typeof STADTKREIS) {
  return (key: string, name: string, km2: number, population: number, postalCode: string, at: LatLon): RegionValues[] => [
    { ...kreis(key, name, { kind: type.kind, typeCode: type.kreis }, population, at), areaHa: hectares(km2) },
    gemeinde(`${key}0000000`, name, { kind: type.kind, typeCode: type.gemeinde }, km2, population, postalCode, at),
  ];
}

const kreisfreieStadt = cityKreis(KREISFREIE_STADT);
const stadtkreis = cityKreis(STADTKREIS);

/** Ordered Land by Land, parents before children. */
export const demoRegions: readonly RegionValues[] = [
  // 01 Schleswig-Holstein
  land('01', 'Schleswig-Holstein', 2_903_773, [54.3218, 10.1373]),
  ...kreisfreieStadt('01001', 'Flensburg', 53.02, 90_164, '24937', [54.7825, 9.4375]),
  ...kreisfreieStadt('01002', 'Kiel', 118.65, 246_794, '24103', [54.3218, 10.1373]),
  ...kreisfreieStadt('01003', 'Lübeck', 214.19, 216_530, '23552', [53.8663, 10.6839]),
  ...kreisfreieStadt('01004', 'Neumünster', 71.66, 80_196, '24534', [54.0699, 9.9884]),
  kreis('01057', 'Kreis Plön', KREIS, 128_686, [54.1619, 10.4217]), // Kreisstadt Plön; coordinates from general knowledge, not from the register extract
  kreis('01058', 'Kreis Rendsburg-Eckernförde', KREIS, 274_098, [54.3061, 9.6631]), // Kreisstadt Rendsburg; coordinates from general knowledge, not from the register extract
  kreis('01059', 'Kreis Schleswig-Flensburg', KREIS, 201_156, [54.5149, 9.5667]), // Kreisstadt Schleswig
  gemeinde('010595974083', 'Süderbrarup', GEMEINDE, 20.06, 5_084, '24392', [54.6356, 9.7754]),
  // 02 Hamburg
  land('02', 'Hamburg', 1_847_253, [53.5507, 9.997]),
  ...kreisfreieStadt('02000', 'Hamburg', 755.09, 1_847_253, '20038', [53.5507, 9.997]),
  // 03 Niedersachsen
  land('03', 'Niedersachsen', 7_993_608, [52.3746, 9.7381]),
  ...kreisfreieStadt('03101', 'Braunschweig', 192.70, 249_406, '38100', [52.2625, 10.5205]),
  ...kreisfreieStadt('03102', 'Salzgitter', 224.49, 104_291, '38226', [52.1536, 10.3292]),
  ...kreisfreieStadt('03103', 'Wolfsburg', 204.61, 124_371, '38440', [52.4219, 10.785]),
  ...kreisfreieStadt('03403', 'Oldenburg (Oldenburg)', 103.09, 169_077, '26105', [53.14, 8.213]),
  ...kreisfreieStadt('03404', 'Osnabrück', 119.80, 165_251, '49074', [52.2769, 8.042]),
  kreis('03159', 'Landkreis Göttingen', LANDKREIS, 326_041, [51.5333, 9.9354]),
  gemeinde('031590010010', 'Duderstadt', STADT, 95.64, 20_363, '37115', [51.5124, 10.2612]),
  gemeinde('031590016016', 'Göttingen', STADT, 117.02, 118_911, '37083', [51.5333, 9.9354]),
  kreis('03241', 'Region Hannover', LANDKREIS, 1_157_115, [52.3746, 9.7381]), // the register files the Region as Landkreis (44)
  gemeinde('032410001001', 'Hannover', STADT, 204.30, 536_925, '30159', [52.3746, 9.7381]),
  kreis('03459', 'Landkreis Osnabrück', LANDKREIS, 358_080, [52.2769, 8.042]), // the Kreishaus is in the (kreisfreie) city of Osnabrück
  gemeinde('034590012012', 'Bissendorf', GEMEINDE, 96.41, 14_630, '49143', [52.2355, 8.1685]),
  gemeinde('034590020020', 'Hagen am Teutoburger Wald', GEMEINDE, 34.49, 13_475, '49170', [52.1972, 7.9781]),
  gemeinde('034590024024', 'Melle', STADT, 253.95, 46_588, '49324', [52.2017, 8.3357]),
  // The Samtgemeinden of the Osnabrück cooperation are applicants in their own right, so the register
  // carries them as Gemeindeverbände (figures: sums over their member Gemeinden; seat = Verwaltungssitz).
  verband('034595401', 'Samtgemeinde Artland', SAMTGEMEINDE, 189.38, 23_444, '49610', [52.6759, 7.9564]),
  gemeinde('034595401030', 'Quakenbrück', STADT, 17.96, 13_442, '49610', [52.6759, 7.9564], '034595401'),
  verband('034595403', 'Samtgemeinde Fürstenau', SAMTGEMEINDE, 224.64, 15_870, '49584', [52.5167, 7.6748]),
  gemeinde('034595403017', 'Fürstenau', STADT, 78.64, 9_407, '49584', [52.5167, 7.6748], '034595403'),
  verband('034595404', 'Samtgemeinde Neuenkirchen', SAMTGEMEINDE, 153.03, 10_231, '49586', [52.4191, 7.8379]),
  gemeinde('034595404027', 'Neuenkirchen', GEMEINDE, 57.63, 4_599, '49586', [52.4191, 7.8379], '034595404'),
  // 04 Bremen
  land('04', 'Bremen', 681_202, [53.0756, 8.8093]),
  ...kreisfreieStadt('04011', 'Bremen', 317.84, 567_559, '28195', [53.0756, 8.8093]),
  ...kreisfreieStadt('04012', 'Bremerhaven', 101.53, 113_643, '27576', [53.543, 8.5781]),
  // 05 Nordrhein-Westfalen
  land('05', 'Nordrhein-Westfalen', 17_947_221, [51.2242, 6.7801]),
  ...kreisfreieStadt('05111', 'Düsseldorf', 217.41, 621_877, '40213', [51.2242, 6.7801]),
  ...kreisfreieStadt('05112', 'Duisburg', 232.80, 498_686, '47051', [51.4333, 6.7655]),
  ...kreisfreieStadt('05113', 'Essen', 210.34, 582_760, '45127', [51.4558, 7.0126]),
  ...kreisfreieStadt('05114', 'Krefeld', 137.78, 227_417, '47798', [51.3326, 6.5609]),
  ...kreisfreieStadt('05116', 'Mönchengladbach', 170.47, 261_034, '41061', [51.1945, 6.4316]),
  ...kreisfreieStadt('05117', 'Mülheim an der Ruhr', 91.28, 170_632, '45468', [51.4281, 6.885]),
  ...kreisfreieStadt('05119', 'Oberhausen', 77.09, 210_764, '46045', [51.4703, 6.8523]),
  ...kreisfreieStadt('05122', 'Solingen', 89.54, 159_245, '42651', [51.1717, 7.0857]),
  ...kreisfreieStadt('05124', 'Wuppertal', 168.39, 355_100, '42275', [51.2713, 7.1959]),
  ...kreisfreieStadt('05314', 'Bonn', 141.06, 329_673, '53111', [50.7342, 7.0992]),
  ...kreisfreieStadt('05315', 'Köln', 405.01, 1_087_863, '50667', [50.9381, 6.9571]),
  ...kreisfreieStadt('05316', 'Leverkusen', 78.87, 163_729, '51373', [51.0324, 6.9798]),
  ...kreisfreieStadt('05512', 'Bottrop', 100.61, 117_565, '46236', [51.5237, 6.9299]),
  ...kreisfreieStadt('05513', 'Gelsenkirchen', 104.94, 259_645, '45879', [51.5109, 7.0961]),
  ...kreisfreieStadt('05515', 'Münster', 303.28, 315_293, '48127', [51.9619, 7.6268]),
  ...kreisfreieStadt('05711', 'Bielefeld', 258.83, 334_195, '33597', [52.0206, 8.5321]),
  ...kreisfreieStadt('05911', 'Bochum', 145.66, 365_587, '44787', [51.4827, 7.2172]),
  ...kreisfreieStadt('05913', 'Dortmund', 280.71, 588_250, '44135', [51.5142, 7.4642]),
  ...kreisfreieStadt('05914', 'Hagen', 160.45, 188_686, '58095', [51.3602, 7.4674]),
  ...kreisfreieStadt('05915', 'Hamm', 226.44, 179_916, '59065', [51.6783, 7.8169]),
  ...kreisfreieStadt('05916', 'Herne', 51.42, 156_449, '44621', [51.5404, 7.2228]),
  kreis('05162', 'Rhein-Kreis Neuss', KREIS, 451_730, [51.1989, 6.6914]),
  gemeinde('051620024024', 'Neuss', STADT, 99.52, 153_896, '41460', [51.1989, 6.6914]),
  kreis('05334', 'Städteregion Aachen', KREIS, 557_026, [50.7735, 6.0848]), // filed as Kreis (43)
  gemeinde('053340002002', 'Aachen', STADT, 160.85, 248_960, '52062', [50.7735, 6.0848]),
  kreis('05382', 'Rhein-Sieg-Kreis', KREIS, 600_764, [50.7967, 7.2049]), // Kreisstadt Siegburg
  gemeinde('053820028028', 'Lohmar', STADT, 65.62, 30_453, '53797', [50.8398, 7.2094]),
  gemeinde('053820060060', 'Siegburg', STADT, 23.66, 41_554, '53721', [50.7967, 7.2049]),
  kreis('05754', 'Kreis Gütersloh', KREIS, 364_938, [51.9096, 8.3811]),
  gemeinde('057540008008', 'Gütersloh', STADT, 112.02, 100_861, '33330', [51.9096, 8.3811]),
  kreis('05766', 'Kreis Lippe', KREIS, 347_514, [51.9354, 8.8786]), // Kreisstadt Detmold
  gemeinde('057660020020', 'Detmold', STADT, 129.39, 74_254, '32756', [51.9354, 8.8786]),
  gemeinde('057660036036', 'Kalletal', GEMEINDE, 112.42, 13_471, '32689', [52.1068, 8.9482]),
  gemeinde('057660044044', 'Lemgo', STADT, 100.85, 40_619, '32657', [52.0279, 8.9009]),
  kreis('05774', 'Kreis Paderborn', KREIS, 307_839, [51.7196, 8.7573]),
  gemeinde('057740032032', 'Paderborn', STADT, 179.59, 151_633, '33098', [51.7196, 8.7573]),
  kreis('05958', 'Hochsauerlandkreis', KREIS, 259_777, [51.3469, 8.2852]), // Kreisstadt Meschede
  gemeinde('059580004004', 'Arnsberg', STADT, 193.72, 73_456, '59759', [51.3958, 8.0648]),
  gemeinde('059580032032', 'Meschede', STADT, 218.52, 29_786, '59872', [51.3469, 8.2852]),
  kreis('05962', 'Märkischer Kreis', KREIS, 410_222, [51.2158, 7.6336]), // Kreisstadt Lüdenscheid
  gemeinde('059620024024', 'Iserlohn', STADT, 125.49, 92_174, '58636', [51.3745, 7.6992]),
  gemeinde('059620032032', 'Lüdenscheid', STADT, 87.02, 72_313, '58507', [51.2158, 7.6336]),
  gemeinde('059620040040', 'Menden (Sauerland)', STADT, 86.10, 52_608, '58706', [51.4393, 7.7953]),
  kreis('05966', 'Kreis Olpe', KREIS, 133_955, [51.0276, 7.8436]),
  gemeinde('059660024024', 'Olpe', STADT, 85.88, 24_551, '57462', [51.0276, 7.8436]),
  kreis('05970', 'Kreis Siegen-Wittgenstein', KREIS, 276_944, [50.8746, 8.0246]), // Kreisstadt Siegen
  gemeinde('059700004004', 'Bad Berleburg', STADT, 275.52, 18_914, '57319', [51.0499, 8.3929]),
  gemeinde('059700040040', 'Siegen', STADT, 114.69, 102_770, '57072', [50.8746, 8.0246]),
  kreis('05974', 'Kreis Soest', KREIS, 301_785, [51.5725, 8.1063]),
  gemeinde('059740040040', 'Soest', STADT, 85.81, 47_514, '59494', [51.5725, 8.1063]),
  kreis('05978', 'Kreis Unna', KREIS, 394_891, [51.5349, 7.6899]),
  gemeinde('059780028028', 'Schwerte', STADT, 56.23, 46_195, '58239', [51.4411, 7.569]),
  gemeinde('059780036036', 'Unna', STADT, 88.56, 58_936, '59423', [51.5349, 7.6899]),
  // 06 Hessen
  land('06', 'Hessen', 6_288_080, [50.0817, 8.2391]),
  ...kreisfreieStadt('06411', 'Darmstadt', 122.07, 159_878, '64283', [49.8722, 8.6538]),
  ...kreisfreieStadt('06412', 'Frankfurt am Main', 248.31, 763_380, '60311', [50.1109, 8.6824]),
  ...kreisfreieStadt('06413', 'Offenbach am Main', 44.88, 130_280, '63065', [50.1056, 8.7644]),
  ...kreisfreieStadt('06414', 'Wiesbaden', 203.87, 278_474, '65183', [50.0817, 8.2391]),
  ...kreisfreieStadt('06611', 'Kassel', 106.80, 202_137, '34117', [51.3147, 9.4952]),
  kreis('06631', 'Landkreis Fulda', LANDKREIS, 223_145, [50.5532, 9.6751]),
  gemeinde('066310006006', 'Eichenzell', GEMEINDE, 55.99, 11_023, '36124', [50.4935, 9.6974]),
  gemeinde('066310009009', 'Fulda', STADT, 104.05, 68_635, '36037', [50.5532, 9.6751]),
  // 07 Rheinland-Pfalz
  land('07', 'Rheinland-Pfalz', 4_093_903, [50.002, 8.2719]),
  ...kreisfreieStadt('07111', 'Koblenz', 105.25, 114_052, '56068', [50.3595, 7.598]),
  ...kreisfreieStadt('07312', 'Kaiserslautern', 139.70, 100_030, '67657', [49.4455, 7.7689]),
  ...kreisfreieStadt('07314', 'Ludwigshafen am Rhein', 77.43, 172_253, '67059', [49.4832, 8.4479]),
  ...kreisfreieStadt('07315', 'Mainz', 97.73, 218_578, '55116', [50.002, 8.2719]),
  ...kreisfreieStadt('07318', 'Speyer', 42.71, 50_561, '67346', [49.3162, 8.4366]),
  ...kreisfreieStadt('07319', 'Worms', 108.73, 83_542, '67547', [49.6298, 8.3617]),
  kreis('07137', 'Landkreis Mayen-Koblenz', LANDKREIS, 214_434, [50.3595, 7.598]), // the Kreisverwaltung sits in the (kreisfreie) city of Koblenz
  kreis('07232', 'Eifelkreis Bitburg-Prüm', LANDKREIS, 99_058, [49.9758, 6.5248]), // Kreisstadt Bitburg
  gemeinde('072320018018', 'Bitburg', STADT, 47.55, 15_047, '54634', [49.9758, 6.5248]),
  // 08 Baden-Württemberg
  land('08', 'Baden-Württemberg', 11_100_394, [48.7758, 9.1777]),
  ...stadtkreis('08111', 'Stuttgart', 207.33, 635_911, '70173', [48.7758, 9.1777]),
  ...stadtkreis('08211', 'Baden-Baden', 140.19, 55_185, '76530', [48.7618, 8.24]),
  ...stadtkreis('08212', 'Karlsruhe', 173.42, 312_060, '76124', [49.0096, 8.4053]),
  ...stadtkreis('08221', 'Heidelberg', 108.83, 161_485, '69117', [49.4088, 8.7021]),
  ...stadtkreis('08222', 'Mannheim', 144.97, 310_658, '68159', [49.4878, 8.4663]),
  ...stadtkreis('08231', 'Pforzheim', 97.99, 125_957, '75175', [48.8913, 8.6992]),
  ...stadtkreis('08311', 'Freiburg im Breisgau', 153.04, 231_195, '79098', [47.9948, 7.8499]),
  ...stadtkreis('08421', 'Ulm', 118.68, 126_790, '89073', [48.3985, 9.9904]),
  kreis('08135', 'Landkreis Heidenheim', LANDKREIS, 132_777, [48.6777, 10.1546]),
  gemeinde('081355002019', 'Heidenheim an der Brenz', GROSSE_KREISSTADT, 107.09, 49_573, '89522', [48.6777, 10.1546]),
  kreis('08136', 'Ostalbkreis', LANDKREIS, 314_025, [48.8351, 10.0923]), // Kreisstadt Aalen
  gemeinde('081365001088', 'Aalen', GROSSE_KREISSTADT, 146.58, 68_393, '73430', [48.8351, 10.0923]),
  kreis('08336', 'Landkreis Lörrach', LANDKREIS, 228_736, [47.6121, 7.6592]),
  gemeinde('083365003050', 'Lörrach', GROSSE_KREISSTADT, 39.37, 49_291, '79539', [47.6121, 7.6592]),
  kreis('08415', 'Landkreis Reutlingen', LANDKREIS, 287_034, [48.4921, 9.212]),
  gemeinde('084150061061', 'Reutlingen', GROSSE_KREISSTADT, 87.04, 115_865, '72764', [48.4921, 9.212]),
  // 09 Bayern
  land('09', 'Bayern', 13_124_737, [48.1377, 11.576]),
  ...kreisfreieStadt('09161', 'Ingolstadt', 133.35, 137_392, '85024', [48.7654, 11.4234]),
  ...kreisfreieStadt('09162', 'München', 310.70, 1_484_226, '80313', [48.1377, 11.576]),
  ...kreisfreieStadt('09461', 'Bamberg', 54.62, 77_373, '96031', [49.8934, 10.8868]),
  ...kreisfreieStadt('09462', 'Bayreuth', 66.89, 74_783, '95410', [49.9456, 11.5713]),
  ...kreisfreieStadt('09464', 'Hof', 58.02, 45_825, '95015', [50.3165, 11.9135]),
  ...kreisfreieStadt('09562', 'Erlangen', 76.96, 112_528, '91051', [49.5951, 11.0033]),
  ...kreisfreieStadt('09563', 'Fürth', 63.35, 128_497, '90744', [49.4774, 10.99]),
  ...kreisfreieStadt('09564', 'Nürnberg', 186.45, 518_370, '90403', [49.4509, 11.0753]),
  kreis('09181', 'Landkreis Landsberg am Lech', LANDKREIS, 120_302, [48.0495, 10.8778]),
  gemeinde('091810130130', 'Landsberg am Lech', GROSSE_KREISSTADT, 57.91, 29_228, '86886', [48.0495, 10.8778]),
  gemeinde('091815138121', 'Fuchstal', GEMEINDE, 39.74, 3_990, '86925', [47.9342, 10.8269]),
  gemeinde('091815138143', 'Unterdießen', GEMEINDE, 12.78, 1_453, '86944', [47.9799, 10.8292]),
  gemeinde('091815142111', 'Apfeldorf', GEMEINDE, 12.31, 1_144, '86974', [47.8956, 10.9284]),
  kreis('09184', 'Landkreis München', LANDKREIS, 350_473, [48.1377, 11.576]), // the Landratsamt sits in the city of München
  gemeinde('091840131131', 'Kirchheim b. München', GEMEINDE, 15.50, 12_811, '85551', [48.1766, 11.7554]),
  gemeinde('091840149149', 'Unterschleißheim', STADT, 14.93, 28_950, '85716', [48.2773, 11.5779]),
  kreis('09475', 'Landkreis Hof', LANDKREIS, 94_801, [50.3165, 11.9135]), // the Landratsamt sits in the (kreisfreie) city of Hof
  kreis('09479', 'Landkreis Wunsiedel i. Fichtelgebirge', LANDKREIS, 72_655, [50.037, 12.003]),
  gemeinde('094790169169', 'Wunsiedel', STADT, 54.88, 9_295, '95632', [50.037, 12.003]),
  kreis('09674', 'Landkreis Haßberge', LANDKREIS, 84_384, [50.0315, 10.5066]), // Kreisstadt Haßfurt
  gemeinde('096740147147', 'Haßfurt', STADT, 52.66, 13_501, '97437', [50.0315, 10.5066]),
  // 10 Saarland
  land('10', 'Saarland', 986_887, [49.2366, 6.9955]),
  kreis('10041', 'Regionalverband Saarbrücken', REGIONALVERBAND, 328_714, [49.2366, 6.9955]),
  gemeinde('100410100100', 'Saarbrücken', STADT, 167.52, 180_374, '66111', [49.2366, 6.9955]),
  kreis('10045', 'Saarpfalz-Kreis', LANDKREIS, 142_196, [49.3237, 7.3402]), // Kreisstadt Homburg
  gemeinde('100450114114', 'Homburg', STADT, 82.61, 41_875, '66424', [49.3237, 7.3402]),
  kreis('10046', 'Landkreis St. Wendel', LANDKREIS, 87_007, [49.4684, 7.173]),
  gemeinde('100460117117', 'St. Wendel', STADT, 113.53, 25_809, '66606', [49.4684, 7.173]),
  // 11 Berlin
  land('11', 'Berlin', 3_669_491, [52.5177, 13.4055]),
  ...kreisfreieStadt('11000', 'Berlin', 891.12, 3_669_491, '10178', [52.5177, 13.4055]),
  // 12 Brandenburg
  land('12', 'Brandenburg', 2_521_893, [52.4004, 13.0536]),
  ...kreisfreieStadt('12051', 'Brandenburg an der Havel', 229.72, 72_184, '14770', [52.4087, 12.5634]),
  ...kreisfreieStadt('12052', 'Cottbus/Chóśebuz', 165.62, 99_678, '03046', [51.7593, 14.3351]),
  ...kreisfreieStadt('12053', 'Frankfurt (Oder)', 147.85, 57_751, '15230', [52.3418, 14.551]),
  ...kreisfreieStadt('12054', 'Potsdam', 188.24, 180_334, '14469', [52.4004, 13.0536]),
  kreis('12060', 'Landkreis Barnim', LANDKREIS, 185_244, [52.8346, 13.8204]), // Kreisstadt Eberswalde
  gemeinde('120600052052', 'Eberswalde', STADT, 93.64, 40_699, '16225', [52.8346, 13.8204]),
  kreis('12069', 'Landkreis Potsdam-Mittelmark', LANDKREIS, 216_566, [52.1406, 12.5867]), // Kreisstadt Bad Belzig
  gemeinde('120690020020', 'Bad Belzig', STADT, 236.07, 11_141, '14806', [52.1406, 12.5867]),
  gemeinde('120690665665', 'Wiesenburg/Mark', GEMEINDE, 220.19, 4_247, '14827', [52.1144, 12.4546]),
  // 13 Mecklenburg-Vorpommern
  land('13', 'Mecklenburg-Vorpommern', 1_608_138, [53.6285, 11.4144]),
  ...kreisfreieStadt('13003', 'Rostock', 181.36, 209_191, '18055', [54.0885, 12.136]),
  ...kreisfreieStadt('13004', 'Schwerin', 130.52, 95_653, '19053', [53.6285, 11.4144]),
  kreis('13071', 'Landkreis Mecklenburgische Seenplatte', LANDKREIS, 258_074, [53.5573, 13.26]), // Kreisstadt Neubrandenburg
  gemeinde('130710107107', 'Neubrandenburg', STADT, 86.11, 63_761, '17033', [53.5573, 13.26]),
  kreis('13074', 'Landkreis Nordwestmecklenburg', LANDKREIS, 157_322, [53.8916, 11.466]), // Kreisstadt Wismar
  gemeinde('130740026026', 'Grevesmühlen', STADT, 52.38, 10_434, '23936', [53.8645, 11.1849]),
  gemeinde('130740087087', 'Wismar', STADT, 41.72, 42_963, '23952', [53.8916, 11.466]),
  kreis('13075', 'Landkreis Vorpommern-Greifswald', LANDKREIS, 235_623, [54.0958, 13.3796]),
  gemeinde('130750039039', 'Greifswald', STADT, 50.81, 59_232, '17489', [54.0958, 13.3796]),
  kreis('13076', 'Landkreis Ludwigslust-Parchim', LANDKREIS, 211_779, [53.4256, 11.8476]), // Kreisstadt Parchim
  gemeinde('130760060060', 'Hagenow', STADT, 67.54, 12_175, '19230', [53.432, 11.1925]),
  gemeinde('130760108108', 'Parchim', STADT, 124.81, 17_773, '19370', [53.4256, 11.8476]),
  // 14 Sachsen
  land('14', 'Sachsen', 4_071_971, [51.0517, 13.7369]),
  ...kreisfreieStadt('14511', 'Chemnitz', 221.06, 246_334, '09111', [50.8336, 12.9216]),
  ...kreisfreieStadt('14612', 'Dresden', 328.48, 556_780, '01067', [51.0517, 13.7369]),
  ...kreisfreieStadt('14713', 'Leipzig', 297.80, 593_145, '04109', [51.3383, 12.3779]),
  kreis('14521', 'Erzgebirgskreis', LANDKREIS, 334_948, [50.5806, 13.0032]), // Kreisstadt Annaberg-Buchholz
  gemeinde('145210020020', 'Annaberg-Buchholz', STADT, 28.15, 19_619, '09456', [50.5806, 13.0032]),
  gemeinde('145215140710', 'Zwönitz', STADT, 64.24, 11_927, '08297', [50.63, 12.8111]),
  kreis('14626', 'Landkreis Görlitz', LANDKREIS, 252_725, [51.1553, 14.988]),
  gemeinde('146260110110', 'Görlitz', STADT, 67.52, 55_980, '02826', [51.1553, 14.988]),
  kreis('14729', 'Landkreis Leipzig', LANDKREIS, 258_139, [51.1233, 12.4975]), // Kreisstadt Borna
  gemeinde('147290050050', 'Borna', STADT, 62.44, 19_118, '04552', [51.1233, 12.4975]),
  gemeinde('147290060060', 'Borsdorf', GEMEINDE, 15.64, 8_230, '04451', [51.3479, 12.5388]),
  gemeinde('147290070070', 'Brandis', STADT, 34.89, 9_624, '04821', [51.3339, 12.6095]),
  gemeinde('147290190190', 'Großpösna', GEMEINDE, 41.56, 5_371, '04463', [51.2706, 12.5026]),
  gemeinde('147295307300', 'Naunhof', STADT, 39.71, 8_774, '04683', [51.2781, 12.5876]),
  gemeinde('147295307340', 'Parthenstein', GEMEINDE, 35.05, 3_517, '04668', [51.2528, 12.6371]),
  // 15 Sachsen-Anhalt
  land('15', 'Sachsen-Anhalt', 2_194_782, [52.1262, 11.6327]),
  ...kreisfreieStadt('15001', 'Dessau-Roßlau', 244.71, 80_103, '06844', [51.8347, 12.2457]),
  ...kreisfreieStadt('15002', 'Halle (Saale)', 135.03, 238_762, '06108', [51.4825, 11.9707]),
  ...kreisfreieStadt('15003', 'Magdeburg', 201.01, 237_565, '39104', [52.1262, 11.6327]),
  kreis('15083', 'Landkreis Börde', LANDKREIS, 170_923, [52.2914, 11.4111]), // Kreisstadt Haldensleben
  gemeinde('150830040040', 'Barleben', GEMEINDE, 29.74, 9_180, '39179', [52.1998, 11.6201]),
  gemeinde('150830270270', 'Haldensleben', STADT, 156.21, 19_143, '39340', [52.2914, 11.4111]),
  kreis('15091', 'Landkreis Wittenberg', LANDKREIS, 124_953, [51.867, 12.6456]),
  gemeinde('150910375375', 'Lutherstadt Wittenberg', STADT, 240.41, 45_752, '06886', [51.867, 12.6456]),
  // 16 Thüringen
  land('16', 'Thüringen', 2_133_378, [50.9771, 11.0272]),
  ...kreisfreieStadt('16051', 'Erfurt', 269.91, 213_981, '99084', [50.9771, 11.0272]),
  ...kreisfreieStadt('16052', 'Gera', 152.18, 93_125, '07545', [50.8761, 12.0804]),
  ...kreisfreieStadt('16053', 'Jena', 114.77, 111_343, '07743', [50.9301, 11.5918]),
  ...kreisfreieStadt('16054', 'Suhl', 141.62, 36_789, '98527', [50.6095, 10.6869]),
  ...kreisfreieStadt('16055', 'Weimar', 84.48, 65_228, '99423', [50.9808, 11.3297]),
];
