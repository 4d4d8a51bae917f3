"""The privacy lock and erasing: what the user wrote, sealed under their passphrase or destroyed; Qt-free core."""
