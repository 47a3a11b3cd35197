"""The handover PDF encrypted over its finished bytes: AES-256 with the PDF 2.0 security handler
(revision 6), which poppler, mupdf, qpdf, pdf.js, PDFium and Ghostscript all open.

ReportLab's own AES-256 is the deprecated revision 5 (Ghostscript 10 refuses it), so the
report is built in the clear, in memory only, and pypdf encrypts it here before anything
touches the disk.

PDF readers take the password exactly as typed, so the PDF gets the two forms a person is
likely to type: the user password is the canonical form (lower case, groups joined by
hyphens, as printed) and the owner password the same in capitals. The FHIR envelope derives
its keys from the same canonical form and so accepts either, and spaces too.
"""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.constants import UserAccessPermissions

from alliance_desktop.exchange.handover_password import canonical_password, pdf_passwords

_ALGORITHM = "AES-256"  # pypdf's name for revision 6; "AES-256-R5" would be the old one
# Print, copy and annotate: the receiving clinician works with the record.
_PERMISSIONS = (
    UserAccessPermissions.PRINT
    | UserAccessPermissions.PRINT_TO_REPRESENTATION
    | UserAccessPermissions.EXTRACT
    | UserAccessPermissions.EXTRACT_TEXT_AND_GRAPHICS
    | UserAccessPermissions.ADD_OR_MODIFY
    | UserAccessPermissions.FILL_FORM_FIELDS
)


def encrypt_pdf(pdf: bytes, password: str) -> bytes:
    """The finished PDF, every string and stream encrypted under `password` (AES-256, R6)."""
    user, owner = pdf_passwords(canonical_password(password))
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.pdf_header = "%PDF-2.0"  # revision 6 is the PDF 2.0 security handler
    writer.encrypt(
        user_password=user,
        owner_password=owner,
        algorithm=_ALGORITHM,
        permissions_flag=_PERMISSIONS,
    )
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
