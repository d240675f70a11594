package dev.eventscope.ui.commands;

/** How a form field is edited: free text, a date picker, or a text field completing account names or entry ids. */
public enum FieldKind {
    TEXT,
    DATE,
    ACCOUNT,
    ENTRY
}
