// The Liquid check run when a campaign is saved, and the engine sends will render with: allowed
// variables (person, manager, campaign), unknown ones, filters, tags that would load files, syntax
// errors with their position, HTML escaping, and the render limit.
import { describe, expect, it } from 'vitest';
import { TEMPLATE_VARIABLES } from '../../../shared/campaigns.js';
import { checkTemplate, createTemplateEngine } from './campaign-templates.js';

const codes = (source: string) => checkTemplate(source, '/x').map((p) => [p.code, p.params]);

describe('checkTemplate', () => {
  it('accepts every variable the picker offers, with filters, conditions, loops and local variables', () => {
    for (const variable of TEMPLATE_VARIABLES) expect(codes(`{{ ${variable} }}`)).toEqual([]);
    expect(
      codes(
        '{% assign first = person.given_name | upcase %}{{ first }} {% if person.manager.given_name %}({{ person.manager.given_name | default: "-" }}){% endif %}' +
          '{% for i in (1..3) %}{{ i }}{% endfor %}{% capture c %}{{ campaign.name }}{% endcapture %}{{ c | strip }}{% raw %}{{ not.a.variable }}{% endraw %}',
      ),
    ).toEqual([]);
  });

  it('names each unknown variable once, HR fields and deeper paths included', () => {
    const found = codes(
      '{{ person.birth_year }} {{ person.birth_year }} {{ user.password }} {{ person.manager.manager.email }} {{ person.skills[0] }} {{ campaign }}',
    );
    expect(found.map(([, params]) => (params as { variable: string }).variable).sort()).toEqual([
      'campaign',
      'person.birth_year',
      'person.manager.manager.email',
      'person.skills[0]',
      'user.password',
    ]);
    expect(found.every(([code]) => code === 'campaign.unknown_variable')).toBe(true);
    expect(codes('{{ person[campaign.name] }}')).toEqual([['campaign.unknown_variable', { variable: 'person[…]' }]]);
  });

  it('refuses tags that would load another template or a file, and unknown filters', () => {
    expect(codes('{% include "x" %}{% render "y" %}')).toEqual([
      ['campaign.template_tag_not_allowed', { tag: 'include' }],
      ['campaign.template_tag_not_allowed', { tag: 'render' }],
    ]);
    expect(codes('{% layout "z" %}')).toEqual([['campaign.template_tag_not_allowed', { tag: 'layout' }]]);
    expect(codes('{{ person.given_name | shout }}')).toEqual([['campaign.unknown_filter', { filter: 'shout' }]]);
  });

  it('reports a syntax error with its line and column', () => {
    expect(codes('Hello\n  {% if person.given_name %}')).toEqual([['campaign.template_invalid', { line: 2, column: 3 }]]);
    expect(codes('{{ person.given_name')).toEqual([['campaign.template_invalid', expect.objectContaining({ line: 1 })]]);
  });
});

describe('the template engine', () => {
  const person = { given_name: '<script>alert(1)</script>', manager: { given_name: 'Jo & Co' } };

  it('escapes HTML in bodies and leaves subjects plain', async () => {
    const source = 'Hi {{ person.given_name }}, from {{ person.manager.given_name }}';
    expect(await createTemplateEngine('html').parseAndRender(source, { person })).toBe('Hi &lt;script&gt;alert(1)&lt;/script&gt;, from Jo &amp; Co');
    expect(await createTemplateEngine('plain').parseAndRender(source, { person })).toBe('Hi <script>alert(1)</script>, from Jo & Co');
  });

  it('stops a loop that runs away instead of hanging', async () => {
    const engine = createTemplateEngine('plain');
    await expect(engine.parseAndRender('{% for i in (1..100000000) %}{{ i }}{% endfor %}', {})).rejects.toThrow();
  });

  it('does not reach inherited properties of the data', async () => {
    await expect(createTemplateEngine('plain').parseAndRender('{{ person.constructor }}', { person: {} })).rejects.toThrow();
  });
});
