import { CheckSquareOutlined, IdcardOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, type Page, type Todo } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useMe } from '../../app/session.tsx';
import { formatTime } from '../../app/time.ts';
import { ClearanceTag, RoleTags, rankLabel } from '../people/tags.tsx';

function TodoCard() {
  const { t, lang } = useI18n();
  const [data, setData] = useState<Page<Todo> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setData(await api.todos());
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <Card
      title={
        <Space>
          <CheckSquareOutlined />
          {t('home.todo')}
          {data && data.total > 0 && <Tag color="red">{data.total}</Tag>}
        </Space>
      }
      data-testid="todo-card"
      style={{ height: '100%' }}
    >
      {loading ? (
        <Skeleton active />
      ) : error ? (
        <Alert
          type="error"
          showIcon
          title={errorText(error, lang)}
          action={<Button onClick={() => void load()}>{t('common.retry')}</Button>}
        />
      ) : !data || data.items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={<span data-testid="todo-empty">{t('home.todoEmpty')}</span>}
        />
      ) : (
        <List<Todo>
          dataSource={data.items}
          renderItem={(item) => (
            <List.Item
              extra={
                item.dueAt ? (
                  <Typography.Text type="secondary">{formatTime(item.dueAt, false)}</Typography.Text>
                ) : null
              }
            >
              {item.link ? <Link to={item.link}>{item.title}</Link> : item.title}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export function HomePage() {
  const me = useMe();
  const { t, l } = useI18n();
  const p = me.person;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('home.welcome', { name: p?.name ?? me.displayName })}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <TodoCard />
        </Col>
        <Col xs={24} lg={10}>
          <Card
            title={
              <Space>
                <IdcardOutlined />
                {t('home.profile')}
              </Space>
            }
            data-testid="profile-card"
            style={{ height: '100%' }}
          >
            {!p ? (
              <Alert type="info" showIcon title={t('home.noPerson')} />
            ) : (
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'org', label: t('home.org'), children: p.orgName },
                  { key: 'dept', label: t('home.department'), children: p.departmentName || '—' },
                  { key: 'pos', label: t('home.position'), children: p.position || '—' },
                  { key: 'rank', label: t('home.rank'), children: p.rank ? rankLabel(p.rank, l) : '—' },
                  {
                    key: 'roles',
                    label: t('home.roles'),
                    children: p.roles.length ? (
                      <RoleTags roles={p.roles} />
                    ) : (
                      <Typography.Text type="secondary">{t('home.noRoles')}</Typography.Text>
                    ),
                  },
                  {
                    key: 'clearance',
                    label: t('home.clearance'),
                    children: <ClearanceTag clearance={p.clearance} />,
                  },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
