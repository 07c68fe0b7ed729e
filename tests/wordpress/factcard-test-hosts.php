<?php
/**
 * Plugin Name: factcard test hosts
 * Description: Test only. Lets WordPress fetch oEmbed discovery from 127.0.0.1, where the factcard
 * tests serve their card pages. Copied into the mu-plugins folder by tests/wordpress/setup.mjs.
 *
 * WordPress's safe HTTP client (reject_unsafe_urls) refuses private addresses, so a card page on
 * 127.0.0.1 would never be embedded. This plugin acts only when the site's configuration defines
 * FACTCARD_WORDPRESS_TEST, which only the tests' configuration file does: another WordPress on
 * the same machine keeps the default.
 */

if (defined('FACTCARD_WORDPRESS_TEST') && FACTCARD_WORDPRESS_TEST) {
    add_filter('http_request_host_is_external', function ($external, $host) {
        return $external || $host === '127.0.0.1';
    }, 10, 2);
}

// With the publishers' example plugin installed (demo/wordpress/factcard-oembed.php), discovery is
// off: a card that still embeds was found through the registered provider.
if (defined('FACTCARD_WORDPRESS_TEST') && FACTCARD_WORDPRESS_TEST) {
    add_filter('embed_oembed_discover', function ($discover) {
        return $discover && !function_exists('factcard_card_id');
    });
}
