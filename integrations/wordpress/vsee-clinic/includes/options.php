<?php
/**
 * The plugin's stored settings. The API secret is a separate option that is never autoloaded
 * and never printed: only vsee_clinic_api_secret() reads it, for server-side calls.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const VSEE_CLINIC_OPTION        = 'vsee_clinic_settings';
const VSEE_CLINIC_SECRET_OPTION = 'vsee_clinic_api_secret';
const VSEE_CLINIC_TOKEN_META    = '_vsee_clinic_token';

/** The API bases a clinic picks from; anything else is a custom URL. */
function vsee_clinic_api_bases() {
	return array(
		'production' => 'https://api.vsee.me/api_v3',
		'staging'    => 'https://api.vseepreview.com/vc/next/api_v3',
	);
}

/** The settings with every key present. */
function vsee_clinic_settings() {
	$stored = get_option( VSEE_CLINIC_OPTION, array() );
	return array_merge(
		array(
			'api_base'     => 'production',
			'api_base_url' => '',
			'account_code' => '',
			'room_code'    => '',
			'api_key'      => '',
			'clinic_url'   => '',
			'join_target'  => 'same',
		),
		is_array( $stored ) ? $stored : array()
	);
}

/** The API base URL in use, without a trailing slash ('' when a custom one is missing). */
function vsee_clinic_api_base( $settings = null ) {
	$settings = $settings ? $settings : vsee_clinic_settings();
	$bases    = vsee_clinic_api_bases();
	$url      = isset( $bases[ $settings['api_base'] ] ) ? $bases[ $settings['api_base'] ] : $settings['api_base_url'];
	return untrailingslashit( (string) $url );
}

/** Read only on the server, for calls to VSee. */
function vsee_clinic_api_secret() {
	return (string) get_option( VSEE_CLINIC_SECRET_OPTION, '' );
}

/** What is missing before the elements can work, as plain-words labels ('' when nothing). */
function vsee_clinic_missing_settings( $settings = null ) {
	$settings = $settings ? $settings : vsee_clinic_settings();
	$missing  = array();
	if ( '' === vsee_clinic_api_base( $settings ) ) {
		$missing[] = 'API base URL';
	}
	foreach ( array( 'account_code' => 'account code', 'room_code' => 'room code', 'api_key' => 'API key' ) as $key => $label ) {
		if ( '' === $settings[ $key ] ) {
			$missing[] = $label;
		}
	}
	if ( '' === vsee_clinic_api_secret() ) {
		$missing[] = 'API secret';
	}
	return $missing;
}

/**
 * Forgets this site's cached patient tokens (after the account, key or secret changed): they are
 * user options, stored under the site's prefix; and any cached before they were (one for all sites).
 */
function vsee_clinic_forget_tokens() {
	global $wpdb;
	delete_metadata( 'user', 0, $wpdb->get_blog_prefix() . VSEE_CLINIC_TOKEN_META, '', true );
	delete_metadata( 'user', 0, VSEE_CLINIC_TOKEN_META, '', true );
}

/** `en` or `es`, from the site's language (es_ES, es_MX, … → es), as the elements expect. */
function vsee_clinic_locale() {
	$locale = function_exists( 'determine_locale' ) ? determine_locale() : get_locale();
	return 0 === strpos( strtolower( (string) $locale ), 'es' ) ? 'es' : 'en';
}

/**
 * The few patient-facing sentences the plugin itself prints (the elements carry their own),
 * in English and Spanish.
 */
function vsee_clinic_text( $key ) {
	$texts = array(
		'en' => array(
			'sign_in'       => 'Please %1$ssign in%2$s to start a visit, book a time or see your visits.',
			'not_set_up'    => 'Online visits are not available on this page yet.',
			'admin_not_set' => 'VSee Clinic is not set up yet (missing: %s). Go to Settings → VSee Clinic.',
			'no_bundle'     => 'The VSee Clinic elements are missing from the plugin folder: install the plugin from its release zip.',
		),
		'es' => array(
			'sign_in'       => '%1$sInicie sesión%2$s para comenzar una consulta, reservar una hora o ver sus consultas.',
			'not_set_up'    => 'Las consultas en línea todavía no están disponibles en esta página.',
			'admin_not_set' => 'VSee Clinic todavía no está configurado (falta: %s). Vaya a Ajustes → VSee Clinic.',
			'no_bundle'     => 'Faltan los elementos de VSee Clinic en la carpeta del plugin: instale el plugin desde su zip.',
		),
	);
	return $texts[ vsee_clinic_locale() ][ $key ];
}
