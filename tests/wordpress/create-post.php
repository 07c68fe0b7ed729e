<?php
/**
 * Publishes a post with WordPress's own functions, as an editor pasting a link would:
 *   php tests/wordpress/create-post.php HOST:PORT TITLE CONTENT
 * HOST:PORT picks the configuration file (/etc/wordpress/config-HOST.php, Debian's wp-config.php
 * chooses it by the request's host). Prints {"id": N, "link": "..."} as JSON.
 */

if ($argc !== 4) {
    fwrite(STDERR, "usage: php create-post.php HOST:PORT TITLE CONTENT\n");
    exit(2);
}
$_SERVER['HTTP_HOST'] = $argv[1];
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';

// An administrator, so that nothing in the content is filtered away on saving.
$admins = get_users(['role' => 'administrator', 'number' => 1]);
if (!$admins) {
    fwrite(STDERR, "create-post: WordPress has no administrator (is it installed?)\n");
    exit(1);
}
wp_set_current_user($admins[0]->ID);

$id = wp_insert_post([
    'post_title' => $argv[2],
    'post_content' => $argv[3],
    'post_status' => 'publish',
], true);
if (is_wp_error($id)) {
    fwrite(STDERR, 'create-post: ' . $id->get_error_message() . "\n");
    exit(1);
}
echo json_encode(['id' => $id, 'link' => get_permalink($id)]), "\n";
