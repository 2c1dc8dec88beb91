// Colours of the kiosk, chosen for a door: verdict colours readable from two metres and told
// apart by people with the commonest colour-vision deficiencies (the glyph and the words carry
// the verdict too, never the colour alone).
pragma Singleton
import QtQuick

QtObject {
    readonly property color background: "#0f1419"
    readonly property color surface: "#1a2129"
    readonly property color surfaceRaised: "#232c36"
    readonly property color border: "#2e3a47"
    readonly property color text: "#f2f5f7"
    readonly property color textDim: "#9aa7b4"
    readonly property color accent: "#26a69a"
    readonly property color admitted: "#1e8e3e"
    readonly property color warning: "#e08a00"
    readonly property color refused: "#c62828"
    readonly property color online: "#34c759"
    readonly property color offline: "#ffb300"

    function toneColor(tone) {
        return tone === "admitted" ? admitted : tone === "warning" ? warning : refused
    }
}
