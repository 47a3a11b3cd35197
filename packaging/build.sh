#!/usr/bin/env bash
# Build the one-folder desktop bundle: dist/alliance-desktop/alliance-desktop.
#
#   packaging/build.sh [--dist DIR] [--work DIR]
#
# Uses $PYTHON, else .venv/bin/python, else python3; it needs the app and PyInstaller
# installed (pip install -e '.[packaging]'). On Linux it then installs the desktop integration
# (share/applications, share/metainfo, share/icons/hicolor) into the bundle, validates it when
# desktop-file-validate / appstreamcli are on PATH, and runs the bundle's --self-test.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist=$root/dist
work=$root/build/pyinstaller
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) dist=$(realpath -m "$2"); shift 2;;
    --work) work=$(realpath -m "$2"); shift 2;;
    *) echo "build.sh: unknown option $1 (use --dist DIR, --work DIR)" >&2; exit 2;;
  esac
done
if [ -n "${PYTHON:-}" ]; then python=$PYTHON
elif [ -x "$root/.venv/bin/python" ]; then python=$root/.venv/bin/python
else python=python3
fi
"$python" -c "import PyInstaller, alliance_desktop" 2>/dev/null || {
  echo "build.sh: $python lacks PyInstaller or the app; run: pip install -e '.[packaging]'" >&2
  exit 1
}

app=$dist/alliance-desktop
cd "$root"
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work" packaging/alliance-desktop.spec

if [ "$(uname -s)" = Linux ]; then
  linux=resources/linux
  share=$app/share
  install -D -m 0644 "$linux/alliance-desktop.desktop" "$share/applications/alliance-desktop.desktop"
  install -D -m 0644 "$linux/app.alliance_desktop.AllianceDesktop.metainfo.xml" \
    "$share/metainfo/app.alliance_desktop.AllianceDesktop.metainfo.xml"
  install -D -m 0644 resources/icons/alliance-desktop.svg \
    "$share/icons/hicolor/scalable/apps/alliance-desktop.svg"
  for png in "$linux"/icons/hicolor/*/apps/alliance-desktop.png; do
    install -D -m 0644 "$png" "$share/${png#"$linux"/}"
  done
  if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate --no-hints "$share/applications/alliance-desktop.desktop"
  fi
  if command -v appstreamcli >/dev/null; then
    appstreamcli validate-tree --no-net "$app"  # the metainfo, and that its desktop file is there
  fi
fi

QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$app/alliance-desktop" --self-test
echo "build.sh: $(du -sh "$app" | cut -f1) in $app"
