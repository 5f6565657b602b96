<?php
/**
 * Plugin Name:       VSee Clinic
 * Plugin URI:        https://github.com/vsee/vsee-clinic-elements
 * Description:       VSee Clinic telehealth on your site: the intake form, the slot picker and the visit list as shortcodes and blocks, with the patient's token from your server.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       vsee-clinic
 *
 * The elements themselves are the vsee-clinic-elements web components, shipped inside this
 * plugin (cdn/), so nothing is loaded from a third-party CDN.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'VSEE_CLINIC_VERSION', '0.1.0' );
define( 'VSEE_CLINIC_FILE', __FILE__ );
define( 'VSEE_CLINIC_DIR', plugin_dir_path( __FILE__ ) );

require_once VSEE_CLINIC_DIR . 'includes/options.php';
require_once VSEE_CLINIC_DIR . 'includes/vsee-api.php';
require_once VSEE_CLINIC_DIR . 'includes/token-route.php';
require_once VSEE_CLINIC_DIR . 'includes/elements.php';
require_once VSEE_CLINIC_DIR . 'includes/blocks.php';
if ( is_admin() ) {
	require_once VSEE_CLINIC_DIR . 'includes/settings-page.php';
}

add_action( 'rest_api_init', 'vsee_clinic_register_token_route' );
add_action( 'init', 'vsee_clinic_register_elements' );
add_action( 'init', 'vsee_clinic_register_blocks' );

// The secret is read only for server-side calls: keep it out of the autoloaded options.
register_activation_hook(
	__FILE__,
	function () {
		if ( false === get_option( VSEE_CLINIC_SECRET_OPTION, false ) ) {
			add_option( VSEE_CLINIC_SECRET_OPTION, '', '', 'no' );
		}
	}
);
