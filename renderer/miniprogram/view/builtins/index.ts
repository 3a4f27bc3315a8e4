// Tag → Preact component for every basic component; a tag without one here renders as a plain view so its
// content still shows.
import type { FunctionComponent } from 'preact';
import type { BuiltinProps } from './builtin-props';
import { Canvas } from './canvas';
import { ScrollView, Swiper } from './containers';
import { Icon, Label, Navigator, Progress, Text, View } from './content';
import { Image } from './image';
import { Button, Form, Picker } from './form';
import { Checkbox, CheckboxGroup, Input, Radio, RadioGroup, Slider, Switch, Textarea } from './form-controls';
import { MovableArea, MovableView } from './movable';
import { PickerView, PickerViewColumn } from './picker-view';
import { RichText } from './rich-text';

const BUILTINS: Record<string, FunctionComponent<BuiltinProps>> = {
  view: View, text: Text, icon: Icon, image: Image, progress: Progress, navigator: Navigator, label: Label,
  'scroll-view': ScrollView, swiper: Swiper, 'swiper-item': View, form: Form, button: Button, picker: Picker,
  input: Input, textarea: Textarea, switch: Switch, checkbox: Checkbox, 'checkbox-group': CheckboxGroup,
  radio: Radio, 'radio-group': RadioGroup, slider: Slider, 'rich-text': RichText,
  'picker-view': PickerView, 'picker-view-column': PickerViewColumn, 'movable-area': MovableArea, 'movable-view': MovableView,
  canvas: Canvas,
};

export function builtinComponent(tag: string): FunctionComponent<BuiltinProps> {
  return BUILTINS[tag] ?? View;
}

export type { BuiltinProps, EventSink } from './builtin-props';
