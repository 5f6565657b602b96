<?php
/**
 * Settings → VSee Clinic (manage_options, Settings API): API base, account code, room code, API
 * key, API secret, the clinic's VSee web address for *Join your visit*, and Test connection.
 * The secret is write-only: the form never holds it, an empty field keeps the saved one.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const VSEE_CLINIC_PAGE = 'vsee-clinic';

add_action( 'admin_menu', 'vsee_clinic_admin_menu' );
add_action( 'admin_init', 'vsee_clinic_register_settings' );
add_action( 'admin_post_vsee_clinic_test', 'vsee_clinic_test_connection' );
// Tokens issued under the old account, key or secret are of no use any more.
add_action( 'update_option_' . VSEE_CLINIC_OPTION, 'vsee_clinic_forget_tokens' );
add_action( 'update_option_' . VSEE_CLINIC_SECRET_OPTION, 'vsee_clinic_forget_tokens' );
add_filter( 'plugin_action_links_' . plugin_basename( VSEE_CLINIC_FILE ), 'vsee_clinic_action_links' );

function vsee_clinic_admin_menu() {
	add_options_page( 'VSee Clinic', 'VSee Clinic', 'manage_options', VSEE_CLINIC_PAGE, 'vsee_clinic_settings_page' );
}

function vsee_clinic_action_links( $links ) {
	array_unshift( $links, '<a href="' . esc_url( admin_url( 'options-general.php?page=' . VSEE_CLINIC_PAGE ) ) . '">Settings</a>' );
	return $links;
}

function vsee_clinic_register_settings() {
	register_setting( 'vsee_clinic', VSEE_CLINIC_OPTION, array( 'type' => 'array', 'sanitize_callback' => 'vsee_clinic_sanitize_settings' ) );
	register_setting( 'vsee_clinic', VSEE_CLINIC_SECRET_OPTION, array( 'type' => 'string', 'sanitize_callback' => 'vsee_clinic_sanitize_secret' ) );

	add_settings_section( 'vsee_clinic_api', 'VSee Clinic API', 'vsee_clinic_section_api', VSEE_CLINIC_PAGE );
	add_settings_field( 'api_base', 'API base', 'vsee_clinic_field_api_base', VSEE_CLINIC_PAGE, 'vsee_clinic_api' );
	$text_fields = array(
		'account_code' => array( 'Account code', 'Your clinic account, e.g. <code>yourclinic</code>.' ),
		'room_code'    => array( 'Room code', 'The clinic room the elements use.' ),
		'api_key'      => array( 'API key', 'From VSee. Used only by this server.' ),
	);
	foreach ( $text_fields as $key => $field ) {
		add_settings_field( $key, $field[0], 'vsee_clinic_field_text', VSEE_CLINIC_PAGE, 'vsee_clinic_api', array( 'key' => $key, 'label_for' => 'vsee-clinic-' . $key, 'help' => $field[1] ) );
	}
	add_settings_field( 'api_secret', 'API secret', 'vsee_clinic_field_secret', VSEE_CLINIC_PAGE, 'vsee_clinic_api', array( 'label_for' => 'vsee-clinic-api-secret' ) );

	add_settings_section( 'vsee_clinic_join', 'Joining a visit', 'vsee_clinic_section_join', VSEE_CLINIC_PAGE );
	add_settings_field( 'clinic_url', 'Clinic web address', 'vsee_clinic_field_text', VSEE_CLINIC_PAGE, 'vsee_clinic_join', array( 'key' => 'clinic_url', 'label_for' => 'vsee-clinic-clinic_url', 'type' => 'url', 'help' => 'Your clinic\'s VSee address (https), e.g. <code>https://yourclinic.vsee.me</code>. Leave empty to not offer <em>Join your visit</em>.' ) );
	add_settings_field( 'join_target', 'Open the visit', 'vsee_clinic_field_join_target', VSEE_CLINIC_PAGE, 'vsee_clinic_join' );
}

function vsee_clinic_section_api() {
	echo '<p>The API key and secret stay on this server: the pages get only each signed-in patient\'s own token, from <code>' . esc_html( rest_url( 'vsee-clinic/v1/token' ) ) . '</code>. VSee must have enabled single sign-on for your account.</p>';
}

function vsee_clinic_section_join() {
	echo '<p>When a walk-in\'s provider is ready, the intake form offers <em>Join your visit</em>: one click signs the patient in to your VSee clinic with a single-use link.</p>';
}

function vsee_clinic_field_api_base() {
	$s      = vsee_clinic_settings();
	$bases  = vsee_clinic_api_bases();
	$labels = array( 'production' => 'Production', 'staging' => 'Staging' );
	echo '<fieldset><legend class="screen-reader-text">API base</legend>';
	foreach ( $bases as $key => $url ) {
		printf(
			'<label><input type="radio" name="%1$s[api_base]" value="%2$s"%3$s> %4$s <code>%5$s</code></label><br>',
			esc_attr( VSEE_CLINIC_OPTION ),
			esc_attr( $key ),
			checked( $s['api_base'], $key, false ),
			esc_html( $labels[ $key ] ),
			esc_html( $url )
		);
	}
	printf(
		'<label><input type="radio" name="%1$s[api_base]" value="custom"%2$s> Another URL</label> <label class="screen-reader-text" for="vsee-clinic-api_base_url">Custom API base URL</label><input type="url" class="regular-text code" id="vsee-clinic-api_base_url" name="%1$s[api_base_url]" value="%3$s" placeholder="https://…/api_v3"></fieldset>',
		esc_attr( VSEE_CLINIC_OPTION ),
		checked( $s['api_base'], 'custom', false ),
		esc_attr( $s['api_base_url'] )
	);
}

function vsee_clinic_field_text( $args ) {
	$s = vsee_clinic_settings();
	printf(
		'<input type="%1$s" class="regular-text" id="vsee-clinic-%2$s" name="%3$s[%2$s]" value="%4$s" autocomplete="off"><p class="description">%5$s</p>',
		esc_attr( isset( $args['type'] ) ? $args['type'] : 'text' ),
		esc_attr( $args['key'] ),
		esc_attr( VSEE_CLINIC_OPTION ),
		esc_attr( $s[ $args['key'] ] ),
		wp_kses( $args['help'], array( 'code' => array(), 'em' => array() ) )
	);
}

function vsee_clinic_field_secret() {
	// Never printed back: the field is always empty, and says only whether one is saved.
	$saved = '' !== vsee_clinic_api_secret();
	printf(
		'<input type="password" class="regular-text" id="vsee-clinic-api-secret" name="%1$s" value="" autocomplete="new-password" placeholder="%2$s"><p class="description">%3$s</p>',
		esc_attr( VSEE_CLINIC_SECRET_OPTION ),
		esc_attr( $saved ? '•••••••• (saved)' : '' ),
		esc_html( $saved ? 'A secret is saved. Leave this empty to keep it, or type a new one to replace it.' : 'From VSee. Stored on this server only and never shown again.' )
	);
}

function vsee_clinic_field_join_target() {
	$s = vsee_clinic_settings();
	echo '<fieldset><legend class="screen-reader-text">Open the visit</legend>';
	foreach ( array( 'same' => 'In the same tab', 'new' => 'In a new tab' ) as $value => $label ) {
		printf( '<label><input type="radio" name="%1$s[join_target]" value="%2$s"%3$s> %4$s</label><br>', esc_attr( VSEE_CLINIC_OPTION ), esc_attr( $value ), checked( $s['join_target'], $value, false ), esc_html( $label ) );
	}
	echo '</fieldset>';
}

/** Keeps the saved value of a field whose new value is wrong, and says why. */
function vsee_clinic_sanitize_settings( $input ) {
	$old = vsee_clinic_settings();
	$in  = is_array( $input ) ? wp_unslash( $input ) : array();
	$out = $old;
	$err = function ( $field, $message ) {
		add_settings_error( VSEE_CLINIC_OPTION, 'vsee_clinic_' . $field, $message );
	};

	$base = isset( $in['api_base'] ) ? (string) $in['api_base'] : $old['api_base'];
	$out['api_base'] = in_array( $base, array( 'production', 'staging', 'custom' ), true ) ? $base : 'production';
	$url = isset( $in['api_base_url'] ) ? trim( (string) $in['api_base_url'] ) : '';
	// The API secret goes to this address: https only (http only to this machine, e.g. a local mock).
	if ( '' === $url || preg_match( '#^(https://[^\s/]+|http://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(/|$))#i', $url ) ) {
		$out['api_base_url'] = untrailingslashit( esc_url_raw( $url, array( 'http', 'https' ) ) );
	} else {
		$err( 'api_base_url', 'The custom API base must be an https URL, e.g. https://api.vsee.me/api_v3 (http only for this machine). The previous one is kept.' );
	}
	if ( 'custom' === $out['api_base'] && '' === $out['api_base_url'] ) {
		$err( 'api_base_url', 'Choose Production or Staging, or type the custom API base URL.' );
	}

	foreach ( array( 'account_code' => 'account code', 'room_code' => 'room code' ) as $key => $label ) {
		$value = isset( $in[ $key ] ) ? trim( (string) $in[ $key ] ) : '';
		if ( '' === $value || preg_match( '/^[A-Za-z0-9_.-]{1,64}$/', $value ) ) {
			$out[ $key ] = $value;
		} else {
			$err( $key, sprintf( 'The %s may contain only letters, digits, “.”, “_” and “-”. The previous one is kept.', $label ) );
		}
	}
	$out['api_key'] = isset( $in['api_key'] ) ? sanitize_text_field( $in['api_key'] ) : $old['api_key'];

	$clinic = isset( $in['clinic_url'] ) ? trim( (string) $in['clinic_url'] ) : '';
	if ( '' === $clinic || preg_match( '#^https://[^\s/]+#i', $clinic ) ) {
		$out['clinic_url'] = untrailingslashit( esc_url_raw( $clinic, array( 'https' ) ) );
	} else {
		$err( 'clinic_url', 'The clinic web address must start with https://. The previous one is kept.' );
	}
	$out['join_target'] = isset( $in['join_target'] ) && 'new' === $in['join_target'] ? 'new' : 'same';
	return $out;
}

/** An empty field keeps the saved secret: the form never shows it, so empty means "unchanged". */
function vsee_clinic_sanitize_secret( $value ) {
	$value = is_string( $value ) ? trim( wp_unslash( $value ) ) : '';
	return '' === $value ? vsee_clinic_api_secret() : $value;
}

/** admin-post.php?action=vsee_clinic_test: checks the saved key and secret against the API. */
function vsee_clinic_test_connection() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( 'You are not allowed to do this.', 403 );
	}
	check_admin_referer( 'vsee_clinic_test' );
	$missing = vsee_clinic_missing_settings();
	if ( array() !== $missing ) {
		$result = array( 'error', 'Fill in and save these first: ' . implode( ', ', $missing ) . '.' );
	} else {
		$s = vsee_clinic_settings();
		// A dedicated test patient: the same code is the same VSee user every time.
		$token = vsee_clinic_request_token( array( 'type' => '200', 'code' => 'wp-connection-test', 'first_name' => 'Connection', 'last_name' => 'Test' ) );
		if ( is_wp_error( $token ) ) {
			$result = array( 'error', 'Not connected. ' . $token->get_error_message() );
		} else {
			$room   = vsee_clinic_fetch_room( $s['room_code'] );
			$result = is_wp_error( $room )
				? array( 'error', 'The API key and secret work, but the room could not be checked: ' . $room->get_error_message() )
				: array( 'success', sprintf( 'Connected. The API key and secret work for account “%1$s”, and the room “%2$s” (%3$s) was found.', $s['account_code'], $s['room_code'], $room ) );
		}
	}
	set_transient( 'vsee_clinic_test_' . get_current_user_id(), $result, 120 );
	wp_safe_redirect( admin_url( 'options-general.php?page=' . VSEE_CLINIC_PAGE . '&vsee-tested=1' ) );
	exit;
}

function vsee_clinic_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$result = get_transient( 'vsee_clinic_test_' . get_current_user_id() );
	delete_transient( 'vsee_clinic_test_' . get_current_user_id() );
	echo '<div class="wrap"><h1>VSee Clinic</h1>';
	if ( is_array( $result ) ) {
		printf(
			'<div id="vsee-clinic-test-result" class="notice notice-%1$s" role="%2$s"><p>%3$s</p></div>',
			'success' === $result[0] ? 'success' : 'error',
			'success' === $result[0] ? 'status' : 'alert',
			esc_html( $result[1] )
		);
	}
	if ( ! file_exists( VSEE_CLINIC_DIR . 'cdn/vsee-clinic-elements.js' ) ) {
		echo '<div class="notice notice-warning"><p>' . esc_html( 'The built elements (cdn/) are missing from the plugin folder: install the plugin from its zip (npm run build writes dist/vsee-clinic-wordpress.zip).' ) . '</p></div>';
	}
	echo '<form method="post" action="options.php">';
	settings_fields( 'vsee_clinic' );
	do_settings_sections( VSEE_CLINIC_PAGE );
	submit_button( 'Save settings' );
	echo '</form>';

	echo '<h2>Test connection</h2><p>Checks the saved API key and secret with VSee (single sign-on for a test patient, “Connection Test”) and that the room exists.</p>';
	echo '<form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '">';
	echo '<input type="hidden" name="action" value="vsee_clinic_test">';
	wp_nonce_field( 'vsee_clinic_test' );
	submit_button( 'Test connection', 'secondary', 'vsee-clinic-test', false );
	echo '</form>';

	echo '<h2>On your pages</h2><p>Shortcodes <code>[vsee_intake_form]</code>, <code>[vsee_slot_picker days="7"]</code>, <code>[vsee_visit_list show-current]</code>, or the blocks <em>VSee intake form</em>, <em>VSee slot picker</em> and <em>VSee visit list</em>. Signed-out visitors see a link to sign in instead.</p>';
	echo '</div>';
}
