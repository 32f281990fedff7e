// 敏感词库: the organisation's sensitive terms, kept by the secrecy office — search, add, edit, delete,
// and import a list (pasted or from a text file) in the format parseTermList reads. Every change counts
// the list's version up; files uploaded afterwards are checked against the new list.
import { DeleteOutlined, EditOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { LIMITS, type TermImport, type TermInput } from '@baomi/api/review/contract.ts';
import { REVIEW_SEVERITIES, REVIEW_SEVERITY_LABELS } from '@baomi/domain';
import { App, Button, Checkbox, Form, Input, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { ErrorAlert, PageCard, SearchBox } from '../../app/components.tsx';
import { useShowError } from '../../app/errors.ts';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { useRules } from '../../app/rules.ts';
import { reviewApi, type Term } from './api.ts';

export function TermsPage() {
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [q, setQ] = useState('');
  const [qInput, setQInput] = useState('');
  const [category, setCategory] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const list = useLoad(() => reviewApi.terms({ q, category, page, pageSize: 50 }), [q, category, page]);
  const [editing, setEditing] = useState<Term | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  return (
    <PageCard
      title={t('rev.terms.title')}
      description={
        <Space wrap>
          {t('rev.terms.hint')}
          <Tag data-testid="terms-version">
            {t('rev.terms.version')} {list.data?.version ?? 0}
          </Tag>
        </Space>
      }
      extra={
        <Space>
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="terms-import">
            {t('rev.terms.import')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="terms-add"
          >
            {t('rev.add')}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <SearchBox
          placeholder={t('rev.term')}
          value={qInput}
          onChange={setQInput}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          width={220}
        />
        <Select
          allowClear
          placeholder={t('rev.category')}
          value={category}
          onChange={(v) => {
            setCategory(v);
            setPage(1);
          }}
          options={(list.data?.categories ?? []).map((c) => ({ value: c, label: c }))}
          style={{ width: 160 }}
          aria-label={t('rev.category')}
        />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<Term>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('rev.terms.empty') }}
        pagination={{
          current: page,
          pageSize: 50,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        data-testid="terms-table"
        columns={[
          { title: t('rev.term'), dataIndex: 'term' },
          { title: t('rev.category'), dataIndex: 'category' },
          {
            title: t('rev.severity'),
            dataIndex: 'severity',
            render: (v: Term['severity']) => (
              <Tag color={v === 'high' ? 'red' : v === 'medium' ? 'orange' : 'default'}>
                {l(REVIEW_SEVERITY_LABELS[v])}
              </Tag>
            ),
          },
          { title: t('rev.pattern'), dataIndex: 'pattern', render: (v: boolean) => (v ? '✓' : '') },
          {
            title: '',
            key: 'a',
            render: (_: unknown, term) => (
              <Space>
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(term)}
                  aria-label={t('rev.edit')}
                />
                <Popconfirm
                  title={t('rev.deleteConfirm')}
                  onConfirm={() =>
                    reviewApi.deleteTerm(term.id).then(
                      () => list.reload(),
                      (e) => showError(e),
                    )
                  }
                >
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('rev.delete')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <FormModal<TermInput>
          title={editing === 'new' ? t('rev.add') : t('rev.edit')}
          testId="term-modal"
          fields={['term', 'category', 'severity', 'pattern']}
          initialValues={editing === 'new' ? { severity: 'medium', pattern: false } : editing}
          onClose={() => setEditing(null)}
          onSubmit={async (v) => {
            const b = {
              term: v.term,
              category: v.category,
              severity: v.severity,
              pattern: v.pattern === true,
            };
            if (editing === 'new') await reviewApi.addTerm(b);
            else await reviewApi.updateTerm(editing.id, b);
            message.success(t('rev.saved'));
            setEditing(null);
            void list.reload();
          }}
        >
          <TermFields />
        </FormModal>
      )}
      {importing && (
        <ImportModal
          onClose={() => setImporting(false)}
          onDone={() => {
            setImporting(false);
            void list.reload();
          }}
        />
      )}
    </PageCard>
  );
}

function TermFields() {
  const { t, l } = useI18n();
  const rules = useRules();
  return (
    <>
      <Form.Item name="term" label={t('rev.term')} rules={rules.text(t('rev.term'), LIMITS.term)}>
        <Input maxLength={LIMITS.term} data-testid="f-term" />
      </Form.Item>
      <Form.Item
        name="category"
        label={t('rev.category')}
        rules={rules.text(t('rev.category'), LIMITS.category)}
      >
        <Input maxLength={LIMITS.category} data-testid="f-term-category" />
      </Form.Item>
      <Form.Item name="severity" label={t('rev.severity')} rules={[rules.chosen(t('rev.severity'))]}>
        <Select options={labelOptions(REVIEW_SEVERITIES, REVIEW_SEVERITY_LABELS, l)} />
      </Form.Item>
      <Form.Item
        name="pattern"
        label={t('rev.pattern')}
        valuePropName="checked"
        extra={t('rev.terms.importHint')}
      >
        <Switch />
      </Form.Item>
    </>
  );
}

function ImportModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const rules = useRules();
  return (
    <FormModal<TermImport>
      title={t('rev.terms.import')}
      testId="terms-import-modal"
      fields={['text', 'replace']}
      width={720}
      onClose={onClose}
      onSubmit={async (v, form) => {
        const r = await reviewApi.importTerms({ text: v.text, replace: v.replace === true });
        message.success(
          `${t('rev.terms.imported', { added: r.added, updated: r.updated, removed: r.removed })}${
            r.problems.length ? `；${t('rev.terms.problems', { n: r.problems.length })}` : ''
          }`,
        );
        form.resetFields();
        onDone();
      }}
    >
      <Form.Item
        name="text"
        label={t('rev.terms.text')}
        extra={t('rev.terms.importHint')}
        rules={rules.text(t('rev.terms.text'), LIMITS.termListChars)}
      >
        <Input.TextArea rows={12} data-testid="f-terms-text" />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {(form) => (
          <input
            type="file"
            accept=".txt,.tsv,.csv,text/plain"
            aria-label={t('rev.terms.file')}
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (f) form.setFieldsValue({ text: await f.text() });
            }}
            style={{ marginBottom: 12 }}
          />
        )}
      </Form.Item>
      <Form.Item name="replace" valuePropName="checked">
        <Checkbox>{t('rev.terms.replace')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
