import { defineWall } from '../../detect/descriptor';

export default defineWall({
  id: 'datadome',
  name: { en: 'DataDome', zh: 'DataDome' },
  testUrls: [
    'https://docs.datadome.co/',
  ],
});
