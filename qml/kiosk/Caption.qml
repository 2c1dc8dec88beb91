// What explains or labels the text beside it: kiosk text, dimmed.
KioskText {
    color: Theme.textDim
}
