import type documentsZh from './documents.zh-CN';

/** Sealed documents (the case's documents card, the public verification page): English text, same keys as zh-CN. */
const documentsEn: typeof documentsZh = {
  caseDocuments: {
    title: 'Documents',
    intro: 'Official documents issued on this case, sealed with the department’s e-seal. Download the PDF; the QR code on it leads to its verification page.',
    empty: 'No documents yet. Refusing to accept, asking for corrections or approving issues a sealed document here.',
    kinds: {
      not_accepted_notice: 'Notice of non-acceptance',
      correction_notice: 'Notice to correct materials',
      approval_decision: 'Approval decision',
    },
    status: {
      ready: 'Sealed',
      pending: 'Sealing',
    },
    pendingHint: 'The document is being made and sealed; it can be downloaded in a moment.',
    number: 'Number',
    issuedOn: 'Dated',
    department: 'Issued by',
    download: 'Download PDF',
    verify: 'Verification page',
    refresh: 'Refresh',
    loadFailed: 'The documents could not be loaded',
  },
  verifyDocument: {
    title: 'Verify an official document',
    intro: 'Check that a document was issued by this platform and that its e-seal is valid. The QR code at the bottom left of the document opens this page.',
    issued: 'This document was issued by this platform and carries its e-seal.',
    issuedHint: 'Check that the details below match the document in hand; for the electronic file, compare its SHA-256 or view the signature in a PDF reader.',
    pending: 'This document has been issued and is being sealed; refresh this page in a moment.',
    notFound: 'No such document',
    notFoundHint: 'This platform has issued no document with this identifier. Check the QR code or link, and beware of forged documents.',
    loadFailed: 'The verification could not be loaded',
    refresh: 'Refresh',
    fields: {
      title: 'Document',
      number: 'Number',
      department: 'Issued by',
      issuedOn: 'Dated',
      addressee: 'Addressed to',
      caseNumber: 'Application number',
      status: 'Status',
      sealedAt: 'Sealed at',
      sha256: 'SHA-256 of the PDF file',
      size: 'File size',
    },
    status: {
      issued: 'Valid',
      pending: 'Sealing',
    },
    sizeBytes: '{{size}} bytes',
    privacy: 'To protect personal information, the name and the application number are partly hidden.',
    compareTitle: 'Compare an electronic file',
    compareHint: 'Choose the PDF file you have: its SHA-256 is computed on this device and compared with the platform’s record (the file is not uploaded).',
    compareButton: 'Choose a PDF file',
    match: 'Match: the file is exactly the original the platform issued.',
    mismatch: 'No match: the file differs from the original the platform issued and may have been altered.',
    compareUnavailable: 'This browser cannot compute SHA-256 here (the page must be opened over HTTPS).',
    rootCert: 'Download the e-seal root certificate',
    rootCertHint: 'Trust this root certificate in your PDF reader and every department’s e-seal shows as valid and trusted.',
  },
};

export default documentsEn;
