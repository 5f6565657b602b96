<?php
/**
 * Server-side calls to the VSee Clinic API: `POST /users/sso` (the patient's token, from the API
 * key and secret) and `GET /rooms/:code` (for Test connection). Failures become WP_Errors whose
 * message says in plain words what is wrong, and never contains the key or the secret.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The person VSee should know: a stable id (their `code`), names and e-mail. */
function vsee_clinic_patient_for_user( WP_User $user ) {
	$first = trim( (string) $user->first_name );
	$last  = trim( (string) $user->last_name );
	if ( '' === $first || '' === $last ) {
		// VSee requires both names: fall back to the display name, split at its first space.
		$parts = preg_split( '/\s+/', trim( (string) $user->display_name ), 2 );
		$first = '' !== $first ? $first : ( '' !== $parts[0] ? $parts[0] : $user->user_login );
		$last  = '' !== $last ? $last : ( isset( $parts[1] ) && '' !== $parts[1] ? $parts[1] : $user->user_login );
	}
	$patient = array(
		'type'       => '200',
		// Stable for as long as the WordPress user exists; the same code is the same VSee user.
		'code'       => 'wp-' . $user->ID,
		'first_name' => $first,
		'last_name'  => $last,
		'email'      => (string) $user->user_email,
	);
	/**
	 * Filters the fields sent to VSee's /users/sso for a WordPress user (e.g. to prefix `code` when
	 * several sites share one VSee account, or to add `dob`).
	 */
	return apply_filters( 'vsee_clinic_patient', $patient, $user );
}

/** The headers every server-side call sends. */
function vsee_clinic_api_headers( $with_secret ) {
	$settings = vsee_clinic_settings();
	$headers  = array(
		'Accept'        => 'application/json',
		'X-AccountCode' => $settings['account_code'],
	);
	if ( $with_secret ) {
		$headers['X-ApiKey']    = $settings['api_key'];
		$headers['X-ApiSecret'] = vsee_clinic_api_secret();
	}
	return $headers;
}

/** Removes the key and the secret from a text that came back from VSee, should it echo them. */
function vsee_clinic_redact( $text ) {
	$text = trim( preg_replace( '/\s+/', ' ', wp_strip_all_tags( (string) $text ) ) );
	foreach ( array( vsee_clinic_api_secret(), vsee_clinic_settings()['api_key'] ) as $secret ) {
		if ( '' !== $secret ) {
			$text = str_replace( $secret, '[redacted]', $text );
		}
	}
	return function_exists( 'mb_substr' ) ? mb_substr( $text, 0, 200 ) : substr( $text, 0, 200 );
}

/** Turns an HTTP failure or a VSee error answer into a WP_Error with a status and plain words. */
function vsee_clinic_api_error( $response, $base ) {
	if ( is_wp_error( $response ) ) {
		return new WP_Error(
			'vsee_clinic_unreachable',
			sprintf( 'Could not reach VSee at %s (%s).', $base, vsee_clinic_redact( $response->get_error_message() ) ),
			array( 'status' => 502 )
		);
	}
	$status = (int) wp_remote_retrieve_response_code( $response );
	$body   = json_decode( wp_remote_retrieve_body( $response ), true );
	$said   = is_array( $body ) && isset( $body['message'] ) && is_string( $body['message'] ) ? vsee_clinic_redact( $body['message'] ) : '';
	$said   = '' !== $said ? sprintf( ' VSee said: “%s”', $said ) : '';
	if ( 401 === $status || 403 === $status ) {
		return new WP_Error( 'vsee_clinic_credentials', 'VSee refused the API key, the API secret or the account code, or single sign-on is not enabled for this account (ask VSee to enable it).' . $said, array( 'status' => 502 ) );
	}
	if ( 404 === $status ) {
		return new WP_Error( 'vsee_clinic_not_found', sprintf( 'VSee has no such address: check the API base URL (%s).', $base ) . $said, array( 'status' => 502 ) );
	}
	if ( 400 === $status || 422 === $status ) {
		return new WP_Error( 'vsee_clinic_rejected_patient', 'VSee refused this user\'s details.' . $said, array( 'status' => 502 ) );
	}
	if ( 429 === $status ) {
		return new WP_Error( 'vsee_clinic_rate_limited', 'VSee is receiving too many requests. Please try again shortly.', array( 'status' => 503 ) );
	}
	return new WP_Error( 'vsee_clinic_unavailable', sprintf( 'VSee answered with an error (HTTP %d). Please try again.', $status ), array( 'status' => 502 ) );
}

/**
 * `POST /users/sso` for one patient: ['token' => string, 'expiry' => Unix seconds] or WP_Error.
 * The vendor documents a multipart body; its PHP back end reads a form-encoded one the same way.
 */
function vsee_clinic_request_token( array $patient ) {
	$base     = vsee_clinic_api_base();
	$response = wp_remote_post(
		$base . '/users/sso.json',
		array(
			'timeout'     => 10,
			// Never followed: a redirect would carry the key and secret headers to another host.
			'redirection' => 0,
			'headers'     => vsee_clinic_api_headers( true ),
			'body'        => $patient,
		)
	);
	$code = is_wp_error( $response ) ? 0 : (int) wp_remote_retrieve_response_code( $response );
	if ( $code < 200 || $code >= 300 ) {
		return vsee_clinic_api_error( $response, $base );
	}
	$body   = json_decode( wp_remote_retrieve_body( $response ), true );
	$token  = isset( $body['data']['token']['token'] ) && is_string( $body['data']['token']['token'] ) ? trim( $body['data']['token']['token'] ) : '';
	$expiry = isset( $body['data']['token']['expiry'] ) && is_numeric( $body['data']['token']['expiry'] ) ? (int) $body['data']['token']['expiry'] : 0;
	if ( '' === $token || $expiry <= 0 ) {
		return new WP_Error( 'vsee_clinic_bad_response', 'VSee answered without a usable token. Please try again.', array( 'status' => 502 ) );
	}
	return array(
		'token'  => $token,
		'expiry' => $expiry,
	);
}

/** `GET /rooms/:code`: the room's name, or WP_Error. */
function vsee_clinic_fetch_room( $room_code ) {
	$base     = vsee_clinic_api_base();
	$response = wp_remote_get(
		$base . '/rooms/' . rawurlencode( $room_code ),
		array(
			'timeout'     => 10,
			// Never followed: a redirect would carry the key and secret headers to another host.
			'redirection' => 0,
			'headers'     => vsee_clinic_api_headers( false ),
		)
	);
	$code = is_wp_error( $response ) ? 0 : (int) wp_remote_retrieve_response_code( $response );
	if ( 404 === $code ) {
		return new WP_Error( 'vsee_clinic_no_room', sprintf( 'VSee has no room with the code “%s” in this account.', $room_code ) );
	}
	if ( $code < 200 || $code >= 300 ) {
		return vsee_clinic_api_error( $response, $base );
	}
	$body = json_decode( wp_remote_retrieve_body( $response ), true );
	return isset( $body['data']['name'] ) && is_string( $body['data']['name'] ) ? $body['data']['name'] : $room_code;
}
