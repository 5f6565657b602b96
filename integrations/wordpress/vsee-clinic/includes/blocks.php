<?php
/**
 * The three elements as dynamic blocks: the server renders them (vsee_clinic_render, the same
 * as the shortcodes), and the editor script (assets/blocks.js) needs no build step.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** `providerId` → `provider-id`: block attributes are camelCase, the element's are kebab-case. */
function vsee_clinic_kebab( $name ) {
	return strtolower( preg_replace( '/([a-z0-9])([A-Z])/', '$1-$2', $name ) );
}

/** `provider-id` → `providerId`. */
function vsee_clinic_camel( $name ) {
	return lcfirst( str_replace( ' ', '', ucwords( str_replace( '-', ' ', $name ) ) ) );
}

/** Each block's attribute schema, from the element's documented attributes. */
function vsee_clinic_block_attributes( $tag ) {
	$schema = array();
	foreach ( vsee_clinic_element_attributes()[ $tag ] as $name ) {
		$is_bool                               = in_array( $name, VSEE_CLINIC_BOOLEAN_ATTRIBUTES, true );
		$schema[ vsee_clinic_camel( $name ) ] = array(
			'type'    => $is_bool ? 'boolean' : 'string',
			'default' => $is_bool ? false : '',
		);
	}
	return $schema;
}

function vsee_clinic_register_blocks() {
	if ( ! function_exists( 'register_block_type' ) ) {
		return;
	}
	wp_register_script(
		'vsee-clinic-blocks',
		plugins_url( 'assets/blocks.js', VSEE_CLINIC_FILE ),
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components' ),
		VSEE_CLINIC_VERSION,
		true
	);
	$fields = array();
	foreach ( vsee_clinic_element_attributes() as $tag => $names ) {
		$block = 'vsee-clinic/' . substr( $tag, strlen( 'vsee-' ) );
		$fields[ $block ] = array_map( 'vsee_clinic_camel', $names );
		register_block_type(
			$block,
			array(
				'api_version'     => 2,
				'editor_script'   => 'vsee-clinic-blocks',
				'attributes'      => vsee_clinic_block_attributes( $tag ),
				'render_callback' => function ( $attributes ) use ( $tag ) {
					$atts = array();
					foreach ( (array) $attributes as $name => $value ) {
						$atts[ vsee_clinic_kebab( $name ) ] = $value;
					}
					return vsee_clinic_render( $tag, $atts );
				},
			)
		);
	}
	// The editor script learns each block's fields from here, so the two never drift apart.
	wp_add_inline_script( 'vsee-clinic-blocks', 'window.vseeClinicBlocks = ' . wp_json_encode( $fields ) . ';', 'before' );
}
