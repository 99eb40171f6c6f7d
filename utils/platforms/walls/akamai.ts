import { defineWall } from '../../detect/descriptor';

export default defineWall({
  id: 'akamai',
  name: { en: 'Akamai', zh: 'Akamai' },
  testUrls: [
    'https://github.com/Ekultek/WhatWaf/blob/06c815ac541c9bba5c1a0f43ad8abfd44d6abcde/content/plugins/akamai.py',
  ],
});
