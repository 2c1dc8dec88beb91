// Русский / English, one tap.
import QtQuick
import QtQuick.Layouts
import Sbor.Kiosk

RowLayout {
    spacing: 0.3 * Theme.unit
    Repeater {
        model: [{ code: "ru", name: "Русский" }, { code: "en", name: "English" }]
        KioskButton {
            required property var modelData
            unit: 0.8 * Theme.unit
            flat: Kiosk.language !== modelData.code
            highlighted: Kiosk.language === modelData.code
            text: modelData.name
            onClicked: Kiosk.language = modelData.code
        }
    }
}
