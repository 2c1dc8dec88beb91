// A title or a value that must stand out: bold kiosk text.
KioskText {
    font.bold: true
}
