/**
 * Code lists kept as data so that checks do not depend on the ICU build Node happens to ship.
 * ISO 3166-1 alpha-2: the 249 officially assigned codes.
 */
const ISO_3166_ALPHA2 = `
  AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE
  BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD
  CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
  DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF
  GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU
  ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
  KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
  MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
  NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
  PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
  SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK
  TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
  VN VU WF WS YE YT ZA ZM ZW`;

export const COUNTRY_CODES: ReadonlySet<string> = new Set(ISO_3166_ALPHA2.trim().split(/\s+/));

/**
 * Region subtags the IANA language subtag registry has beyond ISO 3166-1: exceptionally
 * reserved, deprecated and private-use codes. Valid inside a BCP 47 tag, not as a country.
 */
const EXTRA_REGION_SUBTAGS = [
  ...'AC CP CQ DG EA EU EZ IC TA UN BU CS DD FX NT SU TP YD YU ZR AA ZZ'.split(' '),
  ...'MNOPQRSTUVWXYZ'.split('').map((letter) => `Q${letter}`),
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((letter) => `X${letter}`),
];

/** UN M.49 area codes registered as region subtags. */
const M49_REGION_SUBTAGS = `001 002 003 005 009 011 013 014 015 017 018 019 021 029 030 034 035
  039 053 054 057 061 142 143 145 150 151 154 155 202 419`;

export const REGION_SUBTAGS: ReadonlySet<string> = new Set([
  ...COUNTRY_CODES,
  ...EXTRA_REGION_SUBTAGS,
  ...M49_REGION_SUBTAGS.trim().split(/\s+/),
]);

/** Two-letter primary language subtags (ISO 639-1, with the registry's deprecated in/iw/ji/jw/mo). */
const TWO_LETTER_LANGUAGES = `
  aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce
  ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr
  fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik in io
  is it iu iw ja ji jv jw ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la
  lb lg li ln lo lt lu lv mg mh mi mk ml mn mo mr ms mt my na nb nd ne ng
  nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc
  sd se sg sh si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl
  tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu`;

export const TWO_LETTER_LANGUAGE_CODES: ReadonlySet<string> = new Set(
  TWO_LETTER_LANGUAGES.trim().split(/\s+/),
);

/** Whole tags registered as grandfathered (irregular and regular) in RFC 5646. */
export const GRANDFATHERED_TAGS: ReadonlySet<string> = new Set([
  'en-gb-oed',
  'i-ami',
  'i-bnn',
  'i-default',
  'i-enochian',
  'i-hak',
  'i-klingon',
  'i-lux',
  'i-mingo',
  'i-navajo',
  'i-pwn',
  'i-tao',
  'i-tay',
  'i-tsu',
  'sgn-be-fr',
  'sgn-be-nl',
  'sgn-ch-de',
  'art-lojban',
  'cel-gaulish',
  'no-bok',
  'no-nyn',
  'zh-guoyu',
  'zh-hakka',
  'zh-min',
  'zh-min-nan',
  'zh-xiang',
]);
