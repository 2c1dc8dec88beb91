#!/usr/bin/env bash
# Installs every Debian 12 package that building, testing and running Sbor needs.
# Idempotent: installs only what is missing, runs `apt-get update` at most once, prints what it
# installs. Works as root, or through sudo for a normal user.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config ccache git
  # server libraries
  libboost-dev libcpprest-dev libssl-dev libpqxx-dev libpq-dev librdkafka-dev libsodium-dev libcrypt-dev libyaml-cpp-dev nlohmann-json3-dev
  # ticket QR codes: ZXing-C++ draws them, zlib packs the PNG
  libzxing-dev zlib1g-dev
  # notifications: email over SMTP and webhooks go out through libcurl; webhook hosts are
  # normalised with libidn2 (IDNA, as the resolver will see them) before they are judged
  libcurl4-openssl-dev libidn2-dev
  # Qt: Qt Test for every suite; WebSockets for the live hub and the clients' live feed
  qt6-base-dev qt6-websockets-dev
  # the kiosk: Qt Quick and its controls, Multimedia (camera, sounds), SQLite through Qt SQL,
  # Linguist tools for the translations, and the offscreen platform its GUI tests render on
  qt6-declarative-dev qt6-multimedia-dev libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts qml6-module-qtquick-window
  qml6-module-qtquick-templates qml6-module-qtquick-dialogs qml6-module-qtqml-workerscript qml6-module-qtqml-models
  qml6-module-qtmultimedia
  # QtQml's own qmltypes (Timer, Binding, the Qt namespace): what qmllint reads the kiosk's QML with
  qml6-module-qtqml
  # the organizer's desktop app: Qt Widgets (in qt6-base-dev), Qt Charts for the dashboard, and
  # QtKeychain for the refresh token in the desktop's keyring
  qt6-charts-dev qtkeychain-qt6-dev
  # a font with Cyrillic for the kiosk's screens (offscreen renders too)
  fonts-dejavu-core
  # zbar: decoded beside ZXing in the kiosk's scanning benchmark
  libzbar-dev
  # the private PostgreSQL of the embedded default and of the tests
  postgresql
  # tests and benchmarks
  curl wrk nginx-light procps
  # the libFuzzer targets of tests/fuzz (the `fuzz` preset): clang with its sanitizer and fuzzer runtimes
  clang-14 libfuzzer-14-dev libclang-rt-14-dev
  # the format test (tests/format, .clang-format)
  clang-format-14
  # a real SMTP server for the notification tests to deliver to
  python3-aiosmtpd
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-dependencies: all ${#packages[@]} packages are present"
  exit 0
fi

run_as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    run_as_root=(sudo)
  else
    echo "install-dependencies: missing ${missing[*]}; run this script as root to install them" >&2
    exit 1
  fi
fi

echo "install-dependencies: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${run_as_root[@]}" apt-get update -q
"${run_as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
# Debian starts a cluster and nginx when their packages install; Sbor runs its own private ones.
echo "install-dependencies: done"
