# SPDX-License-Identifier: GPL-3.0-or-later
# Shared definitions for Ferry's scripts: where the build root lives and
# whether this host can build natively.  Sourced, never run.

FERRY_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
FERRY_BUILDROOT=${FERRY_BUILDROOT:-/var/lib/ferry/buildroot-trixie}
FERRY_SUITE=trixie
FERRY_MIRROR=${FERRY_MIRROR:-http://deb.debian.org/debian}

# Everything the project needs to build, test, demo and benchmark.
FERRY_PACKAGES=(
  g++ cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-tools-dev
  qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins qt6-svg-dev
  qt6-image-formats-plugins libqt6svg6 qt6-svg-plugins qtkeychain-qt6-dev
  libkf6archive-dev libxxhash-dev libgl-dev
  xvfb xauth fonts-dejavu-core breeze-icon-theme adwaita-icon-theme
  shared-mime-info openssl e2fsprogs qt6-translations-l10n
  # Opening remote files in the desktop's applications: xdg-open (which
  # asks file(1) for a file's type outside a known desktop), and the tools
  # that read and check .desktop entries.
  xdg-utils file desktop-file-utils
  # The portable agent: its launcher is static and unpacks a zstd payload;
  # its tests run it in a chroot that holds nothing but a static busybox.
  busybox-static zstd libzstd-dev
  openssh-server openssh-client rsync procps iproute2 time python3 gdb
  # A real Secret Service for the keychain tests. dbus-x11 stands in for
  # dbus-user-session, which would pull systemd into the root.
  dbus-daemon dbus-x11 gnome-keyring libsecret-1-0
  # The web terminals the tests connect through: Jupyter Server with its
  # terminals, and WeTTY from npm, whose node-pty is compiled from source.
  python3-jupyter-server python3-jupyter-server-terminals python3-terminado
  nodejs npm node-gyp libnode-dev make
  # A real reverse proxy in front of the agent (it-proxy), started by the
  # test itself on a free port.
  nginx
  # A real drop target that Ferry did not write (ui-dragout-xdnd): a file
  # manager, and the pointer driven through XTEST.
  pcmanfm xdotool
  # The fuzz targets: clang with libFuzzer and its sanitizer runtimes, and
  # llvm-symbolizer for their reports.
  clang libclang-rt-dev llvm
)

die() { echo "ferry: $*" >&2; exit 1; }

# The host builds natively when it already has Qt >= 6.8 and KF6Archive, or
# when it is Debian 13 or later and can install them with apt.
ferry_host_has_packages() {
  local ver
  ver=$(dpkg-query -W -f='${Version}' qt6-base-dev 2>/dev/null) || return 1
  dpkg --compare-versions "$ver" ge 6.8 || return 1
  dpkg-query -W -f='${Status}' libkf6archive-dev 2>/dev/null | grep -q 'ok installed'
}

ferry_host_is_new_debian() {
  [ -r /etc/os-release ] || return 1
  local id ver
  id=$(. /etc/os-release && echo "${ID:-}")
  ver=$(. /etc/os-release && echo "${VERSION_ID:-}")
  [ "$id" = debian ] || return 1
  case "$ver" in
    '') return 0 ;;              # testing/sid carry no VERSION_ID
    *[!0-9]*) return 1 ;;
    *) [ "$ver" -ge 13 ] ;;
  esac
}

# Prints "native" or "root".
ferry_mode() {
  case "${FERRY_MODE:-}" in native|root) echo "$FERRY_MODE"; return ;; esac
  if ferry_host_has_packages || ferry_host_is_new_debian; then echo native; else echo root; fi
}
