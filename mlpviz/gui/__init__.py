"""The desktop app: Qt views over the core. No math here."""
