import type { FormsMessages } from './forms.zh-CN';

/** English text of the online application form renderer (same keys as forms.zh-CN.ts). */
const formsEn: FormsMessages = {
  forms: {
    addRow: 'Add a row',
    removeRowLabel: 'Remove row {{n}}',
    rowNo: 'No.',
    actions: 'Actions',
    emptyTable: 'Nothing yet: click “Add a row”',
    rowsLimit: 'At most {{max}} rows',
    notApplicable: 'Not needed',
    source: 'Source: {{department}} · updated {{date}}',
    locked: 'Verified',
    lockedHint: 'Verified by a government department and cannot be changed here. If it is wrong, ask the source department to correct it.',
    prefilled: 'Filled in for you',
    edited: 'Changed',
    restore: 'Restore',
    yes: 'Yes',
    no: 'No',
    placeholderInput: 'Enter',
    placeholderSelect: 'Choose',
    placeholderDate: 'Choose a date',
    placeholderRegion: 'Province / city / district',
    regionsFailed: 'The list of regions could not be loaded',
    empty: 'Not given',
    errorSummary: '{{count}} things to correct:',
    errorMore: '… and {{count}} more',
  },
};

export default formsEn;
