<?php
/**
 * Plugin Name: factcard cards
 * Description: Embeds factcard card pages (CARDS_BASE/cards/<id>.html) from a known address, without oEmbed discovery.
 * Version: 1.0
 * License: MIT
 *
 * WordPress already embeds a pasted card page URL by discovery (the page's
 * <link rel="alternate" type="application/json+oembed">). This plugin is for sites that turn
 * discovery off, or want WordPress to read the card's oEmbed file directly instead of fetching
 * the page first. Set FACTCARD_CARDS_BASE (in wp-config.php, or edit the default below) to the
 * --base URL given to `factcard build`, and drop this file into wp-content/mu-plugins/ or
 * wp-content/plugins/.
 *
 * A registered provider is trusted: WordPress would print its HTML as it is, without the
 * sandbox, the secret and the resizing it gives discovered embeds. The card's oEmbed HTML is
 * made for that treatment (a fallback blockquote and a frame that posts its height), so this
 * plugin keeps it: WordPress's own filter runs on card embeds as on any discovered one.
 */

if (!defined('FACTCARD_CARDS_BASE')) {
    define('FACTCARD_CARDS_BASE', 'https://cards.example.com/');
}

/** The card id of a card page URL under FACTCARD_CARDS_BASE, or null. */
function factcard_card_id($url) {
    $base = preg_quote(rtrim(FACTCARD_CARDS_BASE, '/'), '#');
    $base = preg_replace('#^https?\\\\:#', 'https?:', $base);
    return preg_match("#^{$base}/cards/([a-z0-9._-]+)\\.html(?:[?\\#].*)?$#i", $url, $m) ? $m[1] : null;
}

// Card pages are an oEmbed provider...
wp_oembed_add_provider(rtrim(FACTCARD_CARDS_BASE, '/') . '/cards/*.html', rtrim(FACTCARD_CARDS_BASE, '/') . '/cards/', false);

// ...whose endpoint is a static file per card: cards/<id>.oembed.json (the query WordPress adds is ignored).
add_filter('oembed_fetch_url', function ($provider, $url) {
    $id = factcard_card_id($url);
    return $id === null ? $provider : rtrim(FACTCARD_CARDS_BASE, '/') . "/cards/{$id}.oembed.json";
}, 10, 2);

// wp_filter_oembed_result (priority 10) leaves registered providers alone: for card embeds, take
// the provider out just before it and put it back just after.
add_filter('oembed_dataparse', function ($html, $data, $url) {
    if (factcard_card_id($url) !== null) {
        wp_oembed_remove_provider(rtrim(FACTCARD_CARDS_BASE, '/') . '/cards/*.html');
    }
    return $html;
}, 9, 3);
add_filter('oembed_dataparse', function ($html, $data, $url) {
    if (factcard_card_id($url) !== null) {
        wp_oembed_add_provider(rtrim(FACTCARD_CARDS_BASE, '/') . '/cards/*.html', rtrim(FACTCARD_CARDS_BASE, '/') . '/cards/', false);
    }
    return $html;
}, 11, 3);
