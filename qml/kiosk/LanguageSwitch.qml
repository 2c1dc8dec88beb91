// Русский / English, one tap.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

RowLayout {
    id: switcher
    property real unit: 16
    spacing: 0.3 * unit
    Repeater {
        model: [{ code: "ru", name: "Русский" }, { code: "en", name: "English" }]
        KioskButton {
            unit: 0.8 * switcher.unit
            flat: kiosk.language !== modelData.code
            highlighted: kiosk.language === modelData.code
            text: modelData.name
            onClicked: kiosk.language = modelData.code
        }
    }
}
