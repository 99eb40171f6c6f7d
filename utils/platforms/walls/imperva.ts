import { defineWall } from '../../detect/descriptor';

export default defineWall({
  id: 'imperva',
  name: { en: 'Imperva / Distil', zh: 'Imperva / Distil' },
  testUrls: [
    'https://github.com/EnableSecurity/wafw00f/blob/acf61041a632df15b9c65c3133c6c76bc8540ac5/wafw00f/plugins/incapsula.py',
    'https://github.com/EnableSecurity/wafw00f/blob/acf61041a632df15b9c65c3133c6c76bc8540ac5/wafw00f/plugins/distil.py',
  ],
});
