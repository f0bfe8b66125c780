#!/usr/bin/env bash
# Install the pinned front-end libraries from npm (package.json + package-lock.json) and copy the
# files the web map loads into src/conflictwire/serve/web/vendor (git-ignored; wheels carry it).
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --loglevel=error
V=src/conflictwire/serve/web/vendor
rm -rf "$V"
mkdir -p "$V/images"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$V/"
cp node_modules/leaflet/dist/images/* "$V/images/"
cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js "$V/"
cp node_modules/leaflet.markercluster/dist/MarkerCluster.css node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css "$V/"
cp node_modules/topojson-client/dist/topojson-client.min.js "$V/"
cp node_modules/world-atlas/countries-110m.json "$V/"
{
  echo "Third-party files installed from npm by scripts/build_web.sh (not committed):"
  for p in leaflet leaflet.markercluster topojson-client world-atlas; do
    node -e "const p=require('./node_modules/$p/package.json'); console.log(p.name+' '+p.version+' ('+(p.license||'see package')+')')"
  done
  echo "world-atlas country outlines: Natural Earth (public domain)."
} > "$V/NOTICE.txt"
echo "web assets in $V"
