"""The ways exporting or importing a handover can fail, each with a message a clinician can act
on. Like the vault errors, they live in the domain so the CLI and the UI can tell them apart
without importing the exchange layer.
"""

from __future__ import annotations

from pathlib import Path

_NOTHING_IMPORTED = "Nothing was imported."


class HandoverError(Exception):
    """Base class: str(error) is one clear sentence for the GUI or the CLI's stderr."""


class HandoverFolderNotEmpty(HandoverError):
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        super().__init__(
            f"The folder {folder} already holds files. Choose an empty or new folder for the "
            "handover, so nothing in it can be mistaken for part of the record."
        )


class NotAHandover(HandoverError):
    def __init__(self, folder: Path, detail: str) -> None:
        self.folder = folder
        super().__init__(
            f"{folder} is not an Alliance Desktop handover: {detail}. {_NOTHING_IMPORTED}"
        )


class HandoverTooNew(HandoverError):
    def __init__(self, found: int, supported: int) -> None:
        self.found = found
        self.supported = supported
        super().__init__(
            f"This handover was made by a newer version of Alliance Desktop (format {found}; "
            f"this version reads up to format {supported}). Update the app to import it. "
            f"{_NOTHING_IMPORTED}"
        )


class HandoverFileMissing(HandoverError):
    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(
            f"The handover is incomplete: {name} is missing from the folder. Ask the sending "
            f"clinician for the whole folder again. {_NOTHING_IMPORTED}"
        )


class HandoverFileAltered(HandoverError):
    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(
            f"{name} is not the file the sending clinician exported: it was damaged or "
            f"changed on the way. Ask for the handover again. {_NOTHING_IMPORTED}"
        )


class WrongHandoverPassword(HandoverError):
    def __init__(self) -> None:
        super().__init__(
            "That password does not open this handover. Check it with the sending clinician "
            f"(it is given separately from the files). {_NOTHING_IMPORTED}"
        )


class HandoverDamaged(HandoverError):
    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(
            f"The record in this handover cannot be read: {detail}. {_NOTHING_IMPORTED}"
        )


class NothingToImport(HandoverError):
    def __init__(self) -> None:
        super().__init__(
            "This handover holds the PDF record only (the sending clinician left out the "
            "machine-readable FHIR record), so there is nothing to import. Open record.pdf "
            "with the password instead."
        )


class NoHandoverToUndo(HandoverError):
    def __init__(self, client_name: str) -> None:
        super().__init__(f"There is no handover of {client_name} to undo.")


class HandoverAlreadyImported(HandoverError):
    """The same handover (by the sender's export id) was imported into this vault before."""

    def __init__(self, client_names: tuple[str, ...], received_on: str) -> None:
        self.client_names = client_names
        self.received_on = received_on
        names = " and ".join(client_names) or "a client"
        super().__init__(
            f"This handover was already imported on {received_on} (as {names}). Importing it "
            f"again makes a second copy of the client. {_NOTHING_IMPORTED}"
        )
