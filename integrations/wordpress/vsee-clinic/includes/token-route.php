<?php
/**
 * `POST /wp-json/vsee-clinic/v1/token`: the signed-in user's VSee token for the elements'
 * tokenProvider. WordPress checks the `wp_rest` nonce (X-WP-Nonce) itself: without it a cookie
 * counts as signed out (401 here), with a wrong one core answers 403 rest_cookie_invalid_nonce.
 * The answer is only the token and its expiry.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** A cached token is renewed when it has less than this left (seconds). */
const VSEE_CLINIC_RENEW_BEFORE = 300;

/** Join and refresh tokens pass the cache, so each costs a call to VSee: a user gets this many of each a minute. */
const VSEE_CLINIC_FRESH_PER_MINUTE = 5;

function vsee_clinic_register_token_route() {
	register_rest_route(
		'vsee-clinic/v1',
		'/token',
		array(
			'methods'             => 'POST',
			'callback'            => 'vsee_clinic_token_endpoint',
			'permission_callback' => 'vsee_clinic_token_permission',
			'args'                => array(
				'purpose' => array(
					'type'    => 'string',
					'enum'    => array( 'api', 'join', 'refresh' ),
					'default' => 'api',
				),
			),
		)
	);
}

function vsee_clinic_token_permission() {
	if ( is_user_logged_in() ) {
		return true;
	}
	return new WP_Error( 'vsee_clinic_not_signed_in', 'Please sign in to see your visits.', array( 'status' => 401 ) );
}

/**
 * The cached token when it has time left, else a fresh one. `purpose=join` (the *Join your
 * visit* hand-off, which VSee makes single-use with invalidate=1) always gets a fresh token that
 * is not cached, so the page's own token keeps working after the patient joins. `purpose=refresh`
 * (VSee refused the page's token: a 401) gets a fresh one that replaces it in the cache, which
 * would otherwise hand the refused token out until its expiry.
 */
function vsee_clinic_token_for_user( WP_User $user, $purpose = 'api' ) {
	if ( 'join' === $purpose || 'refresh' === $purpose ) {
		$admitted = vsee_clinic_admit_fresh( $user->ID, $purpose );
		if ( is_wp_error( $admitted ) ) {
			return $admitted;
		}
	} else {
		// A user option, not user meta: on a multisite network each site (each clinic account) keeps its own.
		$cached = get_user_option( VSEE_CLINIC_TOKEN_META, $user->ID );
		if ( is_array( $cached ) && isset( $cached['token'], $cached['expiry'] ) && (int) $cached['expiry'] - VSEE_CLINIC_RENEW_BEFORE > time() ) {
			return $cached;
		}
	}
	if ( array() !== vsee_clinic_missing_settings() ) {
		return new WP_Error( 'vsee_clinic_not_set_up', 'VSee Clinic is not set up on this site yet.', array( 'status' => 503 ) );
	}
	$fresh = vsee_clinic_request_token( vsee_clinic_patient_for_user( $user ) );
	if ( ! is_wp_error( $fresh ) && 'join' !== $purpose && $fresh['expiry'] - VSEE_CLINIC_RENEW_BEFORE > time() ) {
		update_user_option( $user->ID, VSEE_CLINIC_TOKEN_META, $fresh );
	}
	return $fresh;
}

/**
 * Counts the user's join (or refresh) tokens over the last minute, so that a signed-in user
 * looping `purpose=join` cannot spend the clinic's VSee rate limit (a transient: per site, gone in
 * a minute).
 */
function vsee_clinic_admit_fresh( $user_id, $purpose ) {
	$key   = 'vsee_clinic_' . ( 'join' === $purpose ? 'joins_' : 'refreshes_' ) . (int) $user_id;
	$now   = time();
	$times = array_values(
		array_filter(
			(array) get_transient( $key ),
			function ( $t ) use ( $now ) {
				return is_int( $t ) && $now - $t < 60;
			}
		)
	);
	if ( count( $times ) >= VSEE_CLINIC_FRESH_PER_MINUTE ) {
		return 'join' === $purpose
			? new WP_Error( 'vsee_clinic_too_many_joins', 'Too many sign-in links in a minute. Please wait a moment.', array( 'status' => 429 ) )
			: new WP_Error( 'vsee_clinic_too_many_refreshes', 'Too many new sign-ins in a minute. Please wait a moment.', array( 'status' => 429 ) );
	}
	$times[] = $now;
	set_transient( $key, $times, 60 );
	return true;
}

function vsee_clinic_token_endpoint( WP_REST_Request $request ) {
	// A token must not be stored by the browser or a proxy. Core sends its no-cache headers after
	// the response's own, so strengthen those rather than set ours.
	add_filter(
		'nocache_headers',
		function ( $headers ) {
			$headers['Cache-Control'] = 'no-store, no-cache, must-revalidate, max-age=0, private';
			return $headers;
		}
	);
	$result = vsee_clinic_token_for_user( wp_get_current_user(), $request->get_param( 'purpose' ) );
	if ( is_wp_error( $result ) ) {
		return $result;
	}
	$response = new WP_REST_Response(
		array(
			'token'  => $result['token'],
			'expiry' => (int) $result['expiry'],
		)
	);
	$response->header( 'Cache-Control', 'no-store' );
	return $response;
}
