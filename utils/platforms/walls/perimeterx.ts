import { defineWall } from '../../detect/descriptor';

export default defineWall({
  id: 'perimeterx',
  name: { en: 'PerimeterX / HUMAN', zh: 'PerimeterX / HUMAN' },
  testUrls: [
    'https://github.com/PerimeterX/mod_perimeterx/blob/81c20eb54cf45331d937419a8753edf5eecbc24a/src/mod_perimeterx.c',
    'https://github.com/EnableSecurity/wafw00f/blob/acf61041a632df15b9c65c3133c6c76bc8540ac5/wafw00f/plugins/perimeterx.py',
  ],
});
