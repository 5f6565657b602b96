<?php
/**
 * Uninstalling removes everything the plugin stored: its settings, the API secret, every cached
 * patient token and any pending Test connection result.
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

delete_option( 'vsee_clinic_settings' );
delete_option( 'vsee_clinic_api_secret' );
global $wpdb;
// The cached tokens of every site: user options, `{site prefix}_vsee_clinic_token`.
$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->usermeta} WHERE meta_key LIKE %s", '%' . $wpdb->esc_like( '_vsee_clinic_token' ) ) );
$like = $wpdb->esc_like( '_transient_vsee_clinic_' ) . '%';
$like_timeout = $wpdb->esc_like( '_transient_timeout_vsee_clinic_' ) . '%';
$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s", $like, $like_timeout ) );
