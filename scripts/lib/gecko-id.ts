/** The Firefox add-on id: the add-on's identity on AMO and the key of its fixed test UUID. */
export const GECKO_ID = 'klartext@klartext-reader.org';
