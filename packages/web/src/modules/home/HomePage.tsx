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
import { Link } from 'react-router-dom';
import { api, type Todo, type TodoKind } from '../../app/api.ts';
import { ErrorAlert, RefreshButton } from '../../app/components.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useMe } from '../../app/session.tsx';
import { formatTime } from '../../app/time.ts';
import { useTodos } from '../../app/todos.tsx';
import { ClearanceTag, RoleTags, rankLabel } from '../people/tags.tsx';

const KIND_COLORS: Record<TodoKind, string> = {
  approval: 'blue',
  return: 'orange',
  deadline: 'red',
  notice: 'default',
};

function TodoCard() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useTodos();
  return (
    <Card
      title={
        <Space>
          <CheckSquareOutlined />
          {t('home.todo')}
          {data && data.total > 0 && <Tag color="red">{data.total}</Tag>}
        </Space>
      }
      extra={<RefreshButton size="small" onRefresh={reload} />}
      data-testid="todo-card"
      style={{ height: '100%' }}
    >
      {loading && !data ? (
        <Skeleton active />
      ) : error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : !data || data.items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={<span data-testid="todo-empty">{t('home.todoEmpty')}</span>}
        />
      ) : (
        <List<Todo>
          dataSource={data.items}
          data-testid="todo-list"
          renderItem={(item) => (
            <List.Item
              data-testid="todo-item"
              data-kind={item.kind}
              extra={
                <Typography.Text type="secondary">
                  {item.dueAt
                    ? t('home.dueAt', { date: formatTime(item.dueAt, false) })
                    : formatTime(item.createdAt, false)}
                </Typography.Text>
              }
            >
              <Space>
                <Tag color={KIND_COLORS[item.kind]}>{t(`home.kind.${item.kind}`)}</Tag>
                {item.link ? <Link to={item.link}>{item.title}</Link> : item.title}
                {item.kind === 'notice' && (
                  <Button
                    size="small"
                    type="link"
                    data-testid="todo-done"
                    onClick={async () => {
                      try {
                        await api.todoDone(item.id);
                      } finally {
                        reload();
                      }
                    }}
                  >
                    {t('home.noticeDone')}
                  </Button>
                )}
              </Space>
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
