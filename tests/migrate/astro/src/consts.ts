// Place any global data in this file.
export const SITE_TITLE = 'Sam Okafor — work';
export const SITE_DESCRIPTION = 'Front-end developer for sports clubs and gyms.';
