/**
 * Synthetic marketplace pages for the benchmarks, built deterministically (seeded):
 * - `bigItemPage()`: a Taobao-like item page of ~100k elements and ~100k text nodes, several MB:
 *   nested layout divs, a product header, recommendation grids of product cards (Chinese and
 *   English titles, prices, shop names, labels), reviews, a footer, inline styles, and scripts
 *   holding the page's JSON state (as real marketplace pages ship it).
 * - `savedPage()`: a smaller page of the same kind (50–200 KB) for the CLI benchmark.
 * - `feedPage()`: a small search-result page that appends 10,000 nodes in 1,000 batches.
 * None of them carries a block notice: they are the ordinary pages the extension sees all day.
 */
import { Rand } from './lib/rand';

export const BIG_PAGE_URL = 'https://item.taobao.com/item.htm?id=1';
export const FEED_PAGE_URL = 'https://s.taobao.com/search?q=%E8%BF%9E%E8%A1%A3%E8%A3%99';

const ZH_WORDS = [
  '新款', '夏季', '秋冬', '女装', '连衣裙', '男士', '休闲', '运动鞋', '手机壳', '适用', '苹果', '华为', '小米', '无线', '蓝牙',
  '耳机', '家用', '厨房', '收纳盒', '纯棉', 'T恤', '短袖', '宽松', '韩版', '潮流', '官方', '旗舰店', '正品', '加厚', '保暖',
  '儿童', '玩具', '益智', '零食', '大礼包', '坚果', '茶叶', '绿茶', '礼盒装', '办公', '电脑', '显示器', '机械键盘', '充电宝',
  '大容量', '快充', '数据线', '不锈钢', '保温杯', '男女', '情侣', '学生', '简约', '北欧', '风格', '实木', '餐桌', '沙发',
  '床垫', '乳胶', '四件套', '被芯', '羽绒服', '牛仔裤', '高腰', '显瘦', '直筒', '卫衣', '连帽', '外套', '防晒', '面霜',
  '补水', '保湿', '精华液', '口红', '哑光', '香水', '持久', '洗发水', '去屑', '控油', '猫粮', '狗粮', '幼猫', '成犬',
  '自营', '包邮', '现货', '速发', '同款', '明星', '爆款', '限时', '特价', '清仓', '升级版', '豪华', '迷你', '便携',
];
const EN_WORDS = [
  'Wireless', 'Bluetooth', 'Earbuds', 'Noise', 'Cancelling', 'Pro', 'Max', 'USB-C', 'Fast', 'Charging', 'Stainless',
  'Steel', 'Cotton', 'Oversized', 'Unisex', 'Summer', 'Dress', 'Kids', 'Toy', 'Gift', 'Box', 'Portable', 'Mini',
  'Smart', 'Watch', 'Case', 'Cover', 'for', 'iPhone', 'Galaxy', 'Waterproof', 'Outdoor', 'Camping', 'Lamp', 'LED',
  'Kitchen', 'Storage', 'Organizer', 'Premium', 'Edition', 'Original', 'New', '2026', 'Version', 'Set', 'Pack',
];
const SHOPS = [
  '优衣库官方旗舰店', '小米官方旗舰店', '华为官方旗舰店', '三只松鼠旗舰店', '良品铺子官方旗舰店', '南极人官方旗舰店',
  '罗莱家纺旗舰店', '李宁官方旗舰店', '安踏官方网店', 'Apple Store 官方旗舰店', '美的官方旗舰店', '九阳旗舰店',
  '百草味旗舰店', '无印良品MUJI', '宜家家居', 'ANKER安克旗舰店', '绿联旗舰店', '倍思旗舰店', '欧莱雅官方旗舰店',
];
const CITIES = ['浙江 杭州', '广东 深圳', '广东 广州', '上海', '北京', '江苏 苏州', '福建 泉州', '浙江 义乌', '山东 临沂', '四川 成都'];
const LABELS = ['包邮', '7天无理由', '退货宝', '极速退款', '赠运费险', '官方立减', '满300减40', '新品', '次日达', 'Free shipping', '假一赔四', '品牌直降'];
const REVIEWS = [
  '质量很好，和描述的一样，物流也很快，包装完好无损。',
  '第二次购买了，一如既往的好，推荐大家购买！',
  '颜色有点色差，但是整体还可以，性价比挺高的。',
  '客服态度非常好，有问必答，发货速度快。',
  '穿着很舒服，尺码标准，面料柔软不起球。',
  'Great quality, fast delivery, exactly as described.',
  'The size runs a little small, order one size up.',
  '收到货了，做工精细，细节处理得很好，值得购买。',
  '味道不错，分量足，日期也很新鲜，会回购的。',
  '用了一周来反馈，续航很强，音质清晰，连接稳定。',
  'Battery lasts two days, pairing with my phone was instant.',
  '包装简陋了一点，不过东西没问题，给个好评吧。',
  '老公很喜欢，说比实体店买的还要好，物美价廉。',
  '孩子特别喜欢，每天都要玩，材质安全没有异味。',
];
const NAV = ['首页', '天猫', '聚划算', '天猫超市', '淘宝直播', '司法拍卖', '飞猪旅行', '阿里拍卖', '淘宝吃货', '闲鱼', '我的淘宝', '购物车', '收藏夹', '商品分类', '卖家中心', '联系客服', '网站导航'];
const FOOTER = ['关于淘宝', '合作伙伴', '营销中心', '廉正举报', '联系客服', '开放平台', '诚征英才', '联系我们', '网站地图', '法律声明及隐私权政策', '知识产权', '© 2003-2026 Taobao.com 版权所有', '增值电信业务经营许可证：浙B2-20080224', 'Alibaba Group', 'AliExpress', 'Alibaba.com', '1688', 'Lazada'];
const PROPS = ['品牌', '型号', '颜色分类', '尺码', '材质', '适用季节', '上市时间', '产地', '货号', '风格', 'Model', 'Material', 'Size'];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function title(r: Rand): string {
  const parts: string[] = [];
  const n = r.int(5, 10);
  for (let i = 0; i < n; i++) parts.push(r.chance(0.78) ? r.pick(ZH_WORDS) : r.pick(EN_WORDS));
  // Chinese titles run words together; English words keep their spaces.
  return parts.reduce((s, w, i) => (i > 0 && (/[a-z0-9]$/i.test(s) || /^[a-z0-9]/i.test(w)) ? `${s} ${w}` : s + w), '');
}

function price(r: Rand): [string, string] {
  return [String(r.int(9, 2999)), `.${String(r.int(0, 99)).padStart(2, '0')}`];
}

/**
 * One product card: 29 elements and 30 text nodes (16 with words, 14 line breaks between
 * blocks, as templated markup has).
 */
function card(r: Rand, id: number): string {
  const [yuan, fen] = price(r);
  const t = title(r);
  const labels = [r.pick(LABELS), r.pick(LABELS), r.pick(LABELS)];
  const tmall = r.chance(0.3);
  return [
    `<div class="item-card" data-id="${id}" data-spm="d${id % 97}">`,
    `<a class="item-link" href="https://item.taobao.com/item.htm?id=${600000000000 + id}" target="_blank">`,
    `<div class="pic-wrap"><div class="pic"><img class="pic-img" src="//img.alicdn.com/bao/uploaded/i${id % 4}/O1CN01${id.toString(36)}.jpg_360x360q90.jpg" alt="${esc(t)}" loading="lazy"></div></div>`,
    `<div class="info">`,
    `<div class="title-row"><span class="tag ${tmall ? 'tmall' : 'tb'}">${tmall ? '天猫' : '淘宝'}</span><span class="title-text">${esc(t)}</span></div>`,
    `<div class="price-row">`,
    `<span class="price-unit">¥</span><span class="price-int">${yuan}</span><span class="price-dec">${fen}</span>`,
    `<span class="sold">${r.chance(0.5) ? `月销 ${r.int(1, 90)}00+` : `${r.int(1, 50)}万+人付款`}</span>`,
    `</div>`,
    `<div class="shop-row"><span class="shop-icon"></span><span class="shop-name">${esc(r.pick(SHOPS))}</span><span class="loc">${r.pick(CITIES)}</span></div>`,
    `<div class="label-row">`,
    labels.map((l) => `<span class="label"><i class="ico"></i>${esc(l)}</span>`).join('\n'),
    `</div>`,
    `<div class="meta-row"><span class="rate">好评率 ${r.int(90, 100)}%</span><span class="sep"></span><span class="fav">${r.int(1, 999)}人收藏</span></div>`,
    `</div>`,
    `</a></div>`,
  ].join('\n');
}

/** One review: 17 elements, 8 text nodes. */
function review(r: Rand, id: number): string {
  const texts = [r.pick(REVIEWS), r.chance(0.5) ? r.pick(REVIEWS) : ''].join('');
  return (
    `<div class="rate-item" data-rid="${id}"><div class="rate-user"><img class="avatar" src="//gw.alicdn.com/tps/avatar${id % 9}.png" alt="">` +
    `<span class="nick">${'t***' + (id % 10)}</span><span class="vip">超级会员</span></div>` +
    `<div class="rate-body"><div class="rate-content">${esc(texts)}</div>` +
    `<div class="rate-sku"><span>颜色分类：${r.pick(['黑色', '白色', '雾霾蓝', '奶茶色', 'Navy', 'Beige'])}</span><span>尺码：${r.pick(['S', 'M', 'L', 'XL', '均码'])}</span></div>` +
    `<div class="rate-date"><span>2026-0${r.int(1, 9)}-${String(r.int(10, 28))}</span></div>` +
    `<div class="rate-actions"><span class="useful"><i class="ico"></i>有用(${r.int(0, 300)})</span><span class="reply"><i class="ico"></i>评论</span></div></div></div>`
  );
}

function jsonState(r: Rand, items: number): string {
  const list = [];
  for (let i = 0; i < items; i++) {
    const [yuan, fen] = price(r);
    list.push({
      itemId: String(600000000000 + i),
      title: title(r),
      price: yuan + fen,
      pic: `//img.alicdn.com/imgextra/i${i % 4}/O1CN01${i.toString(36)}.jpg`,
      shop: { name: r.pick(SHOPS), city: r.pick(CITIES), score: [4.8, 4.9, 4.7] },
      tags: [r.pick(LABELS), r.pick(LABELS)],
      trace: { spm: `a21n57.1.item.${i}`, scm: `1007.${r.int(10000, 99999)}.${r.int(1000, 9999)}`, pvid: r.next().toString(36).slice(2) },
    });
  }
  return JSON.stringify({ ok: true, data: { item: { itemId: '1', title: '新款连衣裙' }, recommend: list } });
}

const CSS = `
body{margin:0;font:12px/1.5 "PingFang SC","Microsoft YaHei",Arial,sans-serif;color:#3c3c3c;background:#f5f5f5}
.site-nav{height:35px;background:#f5f5f5;border-bottom:1px solid #eee}.site-nav a{margin:0 8px;color:#6c6c6c}
.layout{width:1190px;margin:0 auto}.grid{display:flex;flex-wrap:wrap;gap:10px}
.item-card{width:224px;background:#fff;border-radius:8px;overflow:hidden}.item-card:hover{box-shadow:0 4px 12px rgba(0,0,0,.1)}
.pic{height:224px;background:#eee}.pic-img{width:100%;height:100%;object-fit:cover}
.info{padding:8px}.title-row{height:36px;overflow:hidden}.tag{color:#fff;background:#ff5000;border-radius:2px;padding:0 2px;margin-right:4px}
.price-row{color:#ff5000}.price-int{font-size:20px;font-weight:700}.sold{color:#999;margin-left:8px}
.label{display:inline-block;border:1px solid #ff5000;color:#ff5000;margin:2px;padding:0 2px}.meta-row{color:#999}
.rate-item{display:flex;padding:16px;border-bottom:1px solid #f0f0f0}.rate-user{width:140px}.avatar{width:24px;height:24px}
.rate-sku{color:#999}.rate-sku span{margin-right:8px}.footer{padding:24px;color:#999;text-align:center}.footer a{margin:0 6px}
.coupon-tips{color:#ff5000}.hidden-tpl{display:none}
`;

/** Rough shape of a page: how many of each block. */
interface Shape {
  cards: number;
  reviews: number;
  stateItems: number;
  seed: number;
}

function page(shape: Shape, url: string, extraHead = ''): string {
  const r = new Rand(shape.seed);
  const out: string[] = [];
  const pageTitle = `${title(r)}-淘宝网`;
  out.push(
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(pageTitle)}</title>` +
      `<meta name="keywords" content="淘宝,掏宝,网上购物,C2C,在线交易,交易市场"><link rel="canonical" href="${esc(url)}">` +
      `<style>${CSS}</style>${extraHead}` +
      `<script>window.g_config={appId:2,assetsHost:"https://g.alicdn.com",toolbar:false,pageType:"item",loadModules:["//g.alicdn.com/??kissy/k/6.2.4/seed-min.js"]};</script>` +
      `<script>window.__INITIAL_STATE__=${jsonState(r, shape.stateItems).replace(/</g, '\\u003c')};</script>` +
      `</head><body class="item-page">`,
  );
  out.push(`<div class="site-nav" id="J_SiteNav"><div class="layout"><ul class="site-nav-bd">`);
  for (const n of NAV) out.push(`<li class="menu"><div class="menu-hd"><a href="https://www.taobao.com/">${n}</a></div></li>`);
  out.push(`</ul></div></div>`);
  out.push(
    `<div id="J_Search" class="search"><div class="layout"><form action="//s.taobao.com/search"><input name="q" placeholder="搜索 宝贝"><button type="submit">搜索</button></form>` +
      `<div class="hot-words">${ZH_WORDS.slice(0, 12).map((w) => `<a href="//s.taobao.com/search?q=${encodeURIComponent(w)}">${w}</a>`).join('')}</div></div></div>`,
  );
  out.push(`<div id="root"><div class="layout"><div class="item-main"><div class="gallery"><div class="main-pic"><img src="//img.alicdn.com/main.jpg" alt=""></div>`);
  out.push(`<ul class="thumbs">${Array.from({ length: 5 }, (_, i) => `<li><img src="//img.alicdn.com/t${i}.jpg" alt=""></li>`).join('')}</ul></div>`);
  const [yuan, fen] = price(r);
  out.push(
    `<div class="item-info"><h1 class="item-title">${esc(pageTitle.replace(/-淘宝网$/, ''))}</h1>` +
      `<div class="item-price"><span class="price-label">价格</span><em class="price-unit">¥</em><span class="price">${yuan}${fen}</span></div>` +
      `<div class="coupon-tips"><span>店铺优惠</span><span>满199减20</span><span>满399减50</span><a href="#">领券</a></div>` +
      `<div class="item-props"><ul>${PROPS.map((p) => `<li><span class="k">${p}：</span><span class="v">${esc(title(r).slice(0, 8))}</span></li>`).join('')}</ul></div>` +
      `<div class="sku"><dl><dt>颜色分类</dt><dd>${['黑色', '白色', '卡其色', '雾霾蓝'].map((c) => `<a href="#"><span>${c}</span></a>`).join('')}</dd></dl></div>` +
      `<div class="actions"><a class="btn buy" href="#">立即购买</a><a class="btn cart" href="#">加入购物车</a></div></div></div>`,
  );
  // Recommendation sections: a heading and a grid of cards, several layers of layout divs.
  let id = 0;
  const sectionTitles = ['看了又看', '店铺推荐', '猜你喜欢', '同类热销', 'You may also like', '为你推荐'];
  const perSection = 48;
  for (let s = 0; id < shape.cards; s++) {
    out.push(`<div class="section" data-mod="rec${s}"><div class="section-hd"><h2 class="section-title">${sectionTitles[s % sectionTitles.length]}</h2><a class="more" href="#">查看更多 &gt;</a></div><div class="section-bd"><div class="grid">`);
    for (let k = 0; k < perSection && id < shape.cards; k++) out.push(card(r, id++));
    out.push(`</div></div></div>`);
  }
  out.push(`<div class="reviews" id="J_Reviews"><div class="section-hd"><h2>累计评价 <em>${shape.reviews}</em></h2></div><div class="rate-list">`);
  for (let i = 0; i < shape.reviews; i++) out.push(review(r, i));
  out.push(`</div></div>`);
  // A hidden template and an inline script at the end, as SSR pages carry.
  out.push(`<template id="tpl-card">${card(r, 999999)}</template><div class="hidden-tpl">${card(r, 999998)}</div>`);
  out.push(`</div></div><div class="footer"><div class="layout">${FOOTER.map((f) => `<a href="#">${f}</a>`).join('')}</div></div>`);
  out.push(`<script>(function(){var d=window.__INITIAL_STATE__;window.__spm=d&&d.data&&d.data.recommend.length;})();</script>`);
  out.push(`</body></html>`);
  return out.join('\n');
}

/** The 100k-node item page (~100k elements, ~100k text nodes). */
export function bigItemPage(): string {
  return page({ cards: 3000, reviews: 800, stateItems: 3000, seed: 1 }, BIG_PAGE_URL);
}

/** A saved ordinary page of roughly `targetKb` KB with Chrome's "saved from url" comment. */
export function savedPage(seed: number, targetKb: number, url: string): string {
  // One card is ~1.2 KB, one review ~0.7 KB, one state item ~0.35 KB.
  const cards = Math.max(4, Math.round((targetKb * 0.6) / 1.25));
  const reviews = Math.max(2, Math.round((targetKb * 0.2) / 0.7));
  const stateItems = Math.max(2, Math.round((targetKb * 0.2) / 0.35));
  const html = page({ cards, reviews, stateItems, seed }, url);
  return `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->\n${html}`;
}

/**
 * A search-result page that, once `window.__startBatches(mode)` is called, appends 10 nodes per
 * batch (10 list items, each one element with its text) in 1,000 batches, one per timer task.
 * Resolves `window.__batchesDone` with the elapsed time.
 */
export function feedPage(): string {
  const r = new Rand(7);
  const cards: string[] = [];
  for (let i = 0; i < 16; i++) cards.push(card(r, i));
  const titles: string[] = [];
  for (let i = 0; i < 400; i++) titles.push(title(r));
  const script = `
window.__titles = ${JSON.stringify(titles)};
window.__startBatches = function (batches, perBatch, mode) {
  return new Promise(function (resolve) {
    var list = document.getElementById('feed');
    var b = 0, t0 = performance.now();
    function step() {
      for (var i = 0; i < perBatch; i++) {
        var n = b * perBatch + i;
        var li = document.createElement('li');
        li.className = 'feed-item';
        li.textContent = window.__titles[n % window.__titles.length] + ' ¥' + (9 + (n * 37) % 990) + '.00 月销' + (n % 90) + '00+';
        list.appendChild(li);
      }
      b++;
      if (b < batches) { if (mode === 'raf') requestAnimationFrame(step); else setTimeout(step, 0); }
      else resolve(performance.now() - t0);
    }
    step();
  });
};`;
  return (
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>连衣裙_淘宝搜索</title><style>${CSS}.feed-item{padding:4px 8px;border-bottom:1px solid #eee}</style></head>` +
    `<body><div class="site-nav"><div class="layout">${NAV.map((n) => `<a href="#">${n}</a>`).join('')}</div></div>` +
    `<div class="layout"><div class="grid">${cards.join('')}</div><ul id="feed" class="feed"></ul></div>` +
    `<div class="footer">${FOOTER.map((f) => `<a href="#">${f}</a>`).join('')}</div><script>${script}</script></body></html>`
  );
}
