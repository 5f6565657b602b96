/** The only module that imports DOMPurify. Filled in by the visit list's work. */
export {};
