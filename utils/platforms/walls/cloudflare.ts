import { defineWall } from '../../detect/descriptor';

export default defineWall({
  id: 'cloudflare',
  name: { en: 'Cloudflare', zh: 'Cloudflare' },
  testUrls: [
    'https://developers.cloudflare.com/support/troubleshooting/cloudflare-errors/troubleshooting-cloudflare-1xxx-errors/',
    'https://github.com/EnableSecurity/wafw00f/blob/acf61041a632df15b9c65c3133c6c76bc8540ac5/wafw00f/plugins/cloudflare.py',
  ],
});
