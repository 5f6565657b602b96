/*
 * Editor side of the three VSee Clinic blocks. Written against the editor's globals (wp.blocks,
 * wp.element, …) so the plugin needs no build step. The blocks are dynamic: the editor shows a
 * placeholder with the block's settings; the page shows the real element, rendered by PHP.
 */
(function (wp) {
  'use strict';
  var el = wp.element.createElement;
  var InspectorControls = wp.blockEditor.InspectorControls;
  var useBlockProps = wp.blockEditor.useBlockProps;
  var PanelBody = wp.components.PanelBody;
  var TextControl = wp.components.TextControl;
  var ToggleControl = wp.components.ToggleControl;
  var SelectControl = wp.components.SelectControl;
  var Placeholder = wp.components.Placeholder;
  var fields = window.vseeClinicBlocks || {};

  var BLOCKS = {
    'vsee-clinic/intake-form': {
      title: 'VSee intake form',
      icon: 'clipboard',
      description: "The patient's intake, then a walk-in waiting room or an e-consult.",
    },
    'vsee-clinic/slot-picker': {
      title: 'VSee slot picker',
      icon: 'calendar-alt',
      description: 'Free appointment times, booked by the patient.',
    },
    'vsee-clinic/visit-list': { title: 'VSee visit list', icon: 'list-view', description: "The patient's upcoming and past visits." },
  };
  // Attributes with a fixed set of values get a select; the empty choice leaves the default.
  var CHOICES = {
    then: ['', 'none', 'walkin', 'econsult'],
    visitType: ['', 'walkin', 'schedule'],
    mode: ['', 'book', 'select'],
    filter: ['', 'all', 'upcoming', 'past'],
    locale: ['', 'en', 'es'],
  };
  var label = function (name) {
    return name.replace(/([A-Z])/g, ' $1').replace(/^./, function (c) {
      return c.toUpperCase();
    });
  };

  Object.keys(BLOCKS).forEach(function (name) {
    var meta = BLOCKS[name];
    var names = fields[name] || [];
    var attributes = {};
    names.forEach(function (n) {
      attributes[n] = n === 'showCurrent' ? { type: 'boolean', default: false } : { type: 'string', default: '' };
    });
    wp.blocks.registerBlockType(name, {
      apiVersion: 2,
      title: meta.title,
      description: meta.description,
      category: 'widgets',
      icon: meta.icon,
      attributes: attributes,
      supports: { html: false },
      edit: function (props) {
        var controls = names.map(function (n) {
          var set = function (v) {
            var o = {};
            o[n] = v;
            props.setAttributes(o);
          };
          if (n === 'showCurrent')
            return el(ToggleControl, { key: n, label: 'Show the visit in progress', checked: !!props.attributes[n], onChange: set });
          if (CHOICES[n]) {
            return el(SelectControl, {
              key: n,
              label: label(n),
              value: props.attributes[n],
              options: CHOICES[n].map(function (v) {
                return { value: v, label: v || '(default)' };
              }),
              onChange: set,
            });
          }
          return el(TextControl, { key: n, label: label(n), value: props.attributes[n], onChange: set });
        });
        return el(
          'div',
          useBlockProps(),
          el(InspectorControls, null, el(PanelBody, { title: 'Element settings' }, controls)),
          el(Placeholder, {
            icon: meta.icon,
            label: meta.title,
            instructions:
              meta.description + ' Shown to signed-in patients on the published page; account and room come from Settings → VSee Clinic.',
          }),
        );
      },
      save: function () {
        return null;
      },
    });
  });
})(window.wp);
