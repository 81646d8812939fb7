export const OPTIONS_PAGE = 'src/options/index.html';
