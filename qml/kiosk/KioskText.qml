// Text on the kiosk: `size` in units of Theme.unit, in the theme's text colour unless told otherwise.
import QtQuick
import QtQuick.Controls

Label {
    property real size: 1
    font.pixelSize: size * Theme.unit
    color: Theme.text
}
