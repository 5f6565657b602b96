<?php
/**
 * The three elements as shortcodes ([vsee_intake_form], [vsee_slot_picker], [vsee_visit_list]);
 * the blocks render through the same function. The page gets the elements' module from this
 * plugin's cdn/ folder and a small script that sets every element's tokenProvider.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Each element's documented attributes a page may pass (beyond the shared configuration, which
 * comes from the settings). Values are escaped; the element itself validates them and says what
 * is wrong inside its box. Not `clinic-url`: *Join your visit* sends the patient's token there, so
 * only an administrator sets it (Settings), never the author of a post.
 */
function vsee_clinic_element_attributes() {
	$shared = array( 'room-code', 'locale', 'timezone' );
	return array(
		'vsee-intake-form' => array_merge( $shared, array( 'intake-id', 'member-id', 'provider-id', 'visit-type', 'then', 'max-wait' ) ),
		'vsee-slot-picker' => array_merge( $shared, array( 'provider-id', 'intake-id', 'consultation-id', 'member-id', 'duration', 'days', 'start', 'mode', 'visit-id' ) ),
		'vsee-visit-list'  => array_merge( $shared, array( 'filter', 'show-current' ) ),
	);
}

/** Boolean attributes: present or absent. */
const VSEE_CLINIC_BOOLEAN_ATTRIBUTES = array( 'show-current' );

function vsee_clinic_register_elements() {
	$base = plugins_url( 'cdn/', VSEE_CLINIC_FILE );
	// The loader (or today's single bundle) is an ES module; chunks load relative to it.
	wp_register_script( 'vsee-clinic-elements', $base . 'vsee-clinic-elements.js', array(), VSEE_CLINIC_VERSION, true );
	wp_register_script( 'vsee-clinic-wp', plugins_url( 'assets/vsee-clinic.js', VSEE_CLINIC_FILE ), array(), VSEE_CLINIC_VERSION, true );
	wp_register_style( 'vsee-clinic', plugins_url( 'assets/vsee-clinic.css', VSEE_CLINIC_FILE ), array(), VSEE_CLINIC_VERSION );
	foreach ( array( 'vsee_intake_form', 'vsee_slot_picker', 'vsee_visit_list' ) as $shortcode ) {
		add_shortcode( $shortcode, 'vsee_clinic_shortcode' );
	}
}

// WordPress 6.1 has no script-module API: mark the elements' script as a module by hand.
add_filter(
	'script_loader_tag',
	function ( $tag, $handle ) {
		if ( 'vsee-clinic-elements' === $handle && false === strpos( $tag, 'type="module"' ) ) {
			$tag = preg_replace( '/<script(?: type=([\'"])text\/javascript\1)?/', '<script type="module"', $tag, 1 );
		}
		return $tag;
	},
	10,
	2
);

function vsee_clinic_shortcode( $atts, $content, $shortcode ) {
	return vsee_clinic_render( str_replace( '_', '-', $shortcode ), is_array( $atts ) ? $atts : array() );
}

/** Shortcode or block attributes → the element's allowed attributes (`provider_id` = `provider-id`). */
function vsee_clinic_pick_attributes( $tag, array $atts ) {
	$allowed = vsee_clinic_element_attributes()[ $tag ];
	$out     = array();
	foreach ( $atts as $name => $value ) {
		if ( is_int( $name ) ) {
			// A bare word in a shortcode (`[vsee_visit_list show-current]`) arrives as a value.
			$name  = (string) $value;
			$value = true;
		}
		$name = strtolower( str_replace( '_', '-', (string) $name ) );
		if ( ! in_array( $name, $allowed, true ) || null === $value || '' === $value || false === $value ) {
			continue;
		}
		if ( in_array( $name, VSEE_CLINIC_BOOLEAN_ATTRIBUTES, true ) ) {
			if ( true === $value || ! in_array( strtolower( (string) $value ), array( '0', 'false', 'no', 'off' ), true ) ) {
				$out[ $name ] = true;
			}
			continue;
		}
		$out[ $name ] = is_scalar( $value ) ? (string) $value : '';
	}
	return $out;
}

/** The HTML for one element: the element, or a sentence in its place when it cannot work. */
function vsee_clinic_render( $tag, array $atts ) {
	if ( ! isset( vsee_clinic_element_attributes()[ $tag ] ) ) {
		return '';
	}
	wp_enqueue_style( 'vsee-clinic' );
	$missing = vsee_clinic_missing_settings();
	if ( array() !== $missing ) {
		$text = current_user_can( 'manage_options' )
			? sprintf( vsee_clinic_text( 'admin_not_set' ), implode( ', ', $missing ) )
			: vsee_clinic_text( 'not_set_up' );
		return vsee_clinic_notice( $tag, esc_html( $text ) );
	}
	if ( ! is_user_logged_in() ) {
		$link = '<a href="' . esc_url( wp_login_url( vsee_clinic_current_url() ) ) . '">';
		return vsee_clinic_notice( $tag, sprintf( esc_html( vsee_clinic_text( 'sign_in' ) ), $link, '</a>' ) );
	}
	if ( ! file_exists( VSEE_CLINIC_DIR . 'cdn/vsee-clinic-elements.js' ) ) {
		return vsee_clinic_notice( $tag, esc_html( vsee_clinic_text( 'no_bundle' ) ) );
	}

	$settings = vsee_clinic_settings();
	$element  = array(
		'api-base'     => vsee_clinic_api_base( $settings ),
		'account-code' => $settings['account_code'],
		'room-code'    => $settings['room_code'],
		'locale'       => vsee_clinic_locale(),
	);
	if ( 'vsee-intake-form' === $tag && '' !== $settings['clinic_url'] ) {
		$element['clinic-url']  = $settings['clinic_url'];
		$element['join-target'] = 'new' === $settings['join_target'] ? '_blank' : '_self';
	}
	$element = array_merge( $element, vsee_clinic_pick_attributes( $tag, $atts ) );

	$html = '<' . $tag;
	foreach ( $element as $name => $value ) {
		$html .= true === $value ? ' ' . $name : ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	$html .= '></' . $tag . '>';

	vsee_clinic_enqueue_scripts();
	return $html;
}

/** A sentence shown in the element's place, styled like the elements' own messages. */
function vsee_clinic_notice( $tag, $html ) {
	return '<div class="vsee-clinic-notice" data-vsee-element="' . esc_attr( $tag ) . '" role="note"><p>' . $html . '</p></div>';
}

/** This page's address, for the sign-in link to come back to. */
function vsee_clinic_current_url() {
	global $wp;
	$url = home_url( isset( $wp->request ) && '' !== $wp->request ? user_trailingslashit( $wp->request ) : '/' );
	if ( ! empty( $_SERVER['QUERY_STRING'] ) ) {
		$url .= '?' . wp_unslash( $_SERVER['QUERY_STRING'] );
	}
	return esc_url_raw( $url );
}

function vsee_clinic_enqueue_scripts() {
	if ( wp_script_is( 'vsee-clinic-wp', 'enqueued' ) ) {
		return;
	}
	// The token route and a `wp_rest` nonce: all the page knows. Never the key or the secret.
	wp_add_inline_script(
		'vsee-clinic-wp',
		'window.vseeClinicWp = ' . wp_json_encode(
			array(
				'tokenUrl' => esc_url_raw( rest_url( 'vsee-clinic/v1/token' ) ),
				'nonce'    => wp_create_nonce( 'wp_rest' ),
			)
		) . ';',
		'before'
	);
	wp_enqueue_script( 'vsee-clinic-wp' );
	wp_enqueue_script( 'vsee-clinic-elements' );
}
