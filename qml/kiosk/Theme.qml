// Colours and the size unit of the kiosk. The colours are chosen for a door: verdict colours
// readable from two metres and told apart by people with the commonest colour-vision deficiencies
// (the glyph and the words carry the verdict too, never the colour alone).
pragma Singleton
import QtQuick
import Sbor.Kiosk

QtObject {
    // One size unit for the whole screen, derived from the window's size: the same layout reads at
    // 1024×600 and at 1920×1080. Every size on screen is a multiple of it. It starts from the size
    // the window is made with, so that items are laid out at their final size from the start, and
    // the window keeps it up to date (Main.qml).
    property real unit: unitFor(Kiosk.initialWidth, Kiosk.initialHeight)

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
    readonly property color alert: "#ff8a80" // text of errors and conflicts on dark surfaces

    function unitFor(width: real, height: real): real {
        return Math.max(8, Math.min(24, width / 70, height / 38))
    }

    function toneColor(tone: string): color {
        return tone === "admitted" ? admitted : tone === "warning" ? warning : refused
    }
}
